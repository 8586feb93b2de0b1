<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/gui/catalogs_dialog.py" line="64"/>
        <source>Needs {account}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/catalogs_dialog.py" line="90"/>
        <source>My catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="52"/>
        <source>EO Explorer – Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="177"/>
        <source>Reading collections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="197"/>
        <source>Collections could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="221"/>
        <source>{n} collections. Tick one or more; none ticked searches them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="228"/>
        <source>This catalog does not support CQL2 filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="257"/>
        <source>The chosen collections have no eo:cloud_cover property.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="321"/>
        <source>Draw a polygon on the map first (Draw button).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="326"/>
        <source>Select one or more polygons in a layer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="377"/>
        <source>Searching {title}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="382"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="386"/>
        <source>{count} items from {pages} page(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="388"/>
        <source> — {matched} match in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="404"/>
        <source>The search failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="423"/>
        <source>{count} items on the map from {pages} page(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="427"/>
        <source>The catalog has {n} matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="429"/>
        <source>Cancelled: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="432"/>
        <source>No items match this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="436"/>
        <source>This catalog cannot filter by cloud cover; EO Explorer dropped {n} cloudier items itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="446"/>
        <source>{n} items could not be drawn and were left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="23"/>
        <source>EO Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="59"/>
        <source>EO Explorer Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="62"/>
        <source>Search Earth-observation catalogs from the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="209"/>
        <source>The Search dock could not be opened; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="26"/>
        <source>EO Explorer: search Earth-observation catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="45"/>
        <source>The Processing algorithms of EO Explorer are not available: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="52"/>
        <source>No catalog given: enter a catalog id or a STAC API URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="59"/>
        <source>Unknown catalog &quot;{0}&quot;. Use one of {1} or the URL of a STAC API (starting with http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="85"/>
        <source>Search catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="94"/>
        <source>stac,search,catalog,satellite,footprints,earth observation,cdse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="121"/>
        <source>Catalog (id or STAC API URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="128"/>
        <source>Collections (comma-separated ids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="133"/>
        <source>Search extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="136"/>
        <source>Search area (polygon layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="144"/>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="152"/>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="157"/>
        <source>Maximum cloud cover (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="167"/>
        <source>CQL2 filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="170"/>
        <source>Maximum number of items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="179"/>
        <source>Footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="184"/>
        <source>Number of footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="185"/>
        <source>Number of items the catalog matched (-1 if unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="207"/>
        <source>The {0} is not a date; use the form 2024-06-30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="229"/>
        <source>The search area layer has no polygon to search with (with &quot;Selected features only&quot;, select at least one polygon).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="236"/>
        <source>Both an extent and an area layer are given: the area layer is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="250"/>
        <source>The search extent cannot be expressed in longitude and latitude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="325"/>
        <source>Searching {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="329"/>
        <source>This catalog cannot filter by cloud cover; items above the limit are dropped after download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="336"/>
        <source>page {0}: {1} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="339"/>
        <source>The catalog matched {0} items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="346"/>
        <source>Item {0} skipped: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="374"/>
        <source>{0} more items skipped because they cannot be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="380"/>
        <source>{0} items above the cloud cover limit were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="384"/>
        <source>Cancelled: the output holds the {0} footprints found so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="388"/>
        <source>The catalog did not say how many items match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="389"/>
        <source>{0} footprints written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="323"/>
        <source>Searching {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr_layers.py" line="57"/>
        <source>There is no polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr_layers.py" line="59"/>
        <source>An area of interest must be a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr_layers.py" line="62"/>
        <source>This feature has {n} parts, but a Constellr area of interest is one polygon. Split it (Vector ▸ Geometry Tools ▸ Multipart to Singleparts) and create one area per part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr_layers.py" line="71"/>
        <source>This polygon crosses the antimeridian (180°), so it would become two polygons; Constellr takes one per area of interest. Draw one on each side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr_layers.py" line="86"/>
        <source>The map extent crosses the antimeridian (180°), so it would become two polygons; Constellr takes one per area of interest. Pan to one side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr_layers.py" line="98"/>
        <source>Select one polygon in a layer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr_layers.py" line="101"/>
        <source>{n} features are selected, but an area of interest is one polygon. Select one, or create orders for every feature with the Processing algorithm &apos;Create Constellr orders&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr_layers.py" line="146"/>
        <source>Constellr areas of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="69"/>
        <source>Catalog: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="117"/>
        <source>How this STAC API wants requests to be authenticated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="147"/>
        <source>Sandbox: client id {id}, secret {secret}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="153"/>
        <source>Sandbox: API key {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="166"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="187"/>
        <source>S3 endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="187"/>
        <source>Token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="217"/>
        <source>Fill in every field first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="228"/>
        <source>Saved in the QGIS authentication database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="240"/>
        <source>Removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/accounts_dialog.py" line="253"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="129"/>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets_panel.py" line="145"/>
        <source>Tick the assets to download first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="158"/>
        <source>Choose a download folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="168"/>
        <source>Downloading {n} file(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets_panel.py" line="192"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets_panel.py" line="206"/>
        <source>{n} raster layer(s) added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets_panel.py" line="217"/>
        <source>{key} is not a raster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets_panel.py" line="225"/>
        <source>{n} layer(s) streamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="32"/>
        <source>This area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="45"/>
        <source>Suits {products}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="133"/>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="134"/>
        <source>measure the area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="142"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="148"/>
        <source>Bounding box {size}, area {ha} ha.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="160"/>
        <source>Give the area a name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="163"/>
        <source>An area called {name} already exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="169"/>
        <source>Measure the area first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="173"/>
        <source>Creating {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="174"/>
        <source>create an area of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="192"/>
        <source>{name} created ({size}); it is ticked in New order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="262"/>
        <source>Select an area in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="264"/>
        <source>Delete the area of interest {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="266"/>
        <source>delete an area of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_areas.py" line="276"/>
        <source>{name} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_dock.py" line="219"/>
        <source>EO Explorer – Constellr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_dock.py" line="144"/>
        <source>Constellr API: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_dock.py" line="117"/>
        <source>EO Explorer: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_dock.py" line="145"/>
        <source>Constellr products and areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="161"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_dock.py" line="228"/>
        <source>Constellr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_dock.py" line="212"/>
        <source>Something unexpected went wrong; details are in the EO Explorer log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/messages.py" line="21"/>
        <source>Check the {title} account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="69"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr_entry.py" line="11"/>
        <source>Constellr: areas of interest, tasking orders and delivered LST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="64"/>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="64"/>
        <source>area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="65"/>
        <source>Deliveries for the {what} {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="69"/>
        <source>Searching the Constellr catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="73"/>
        <source>Constellr deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="106"/>
        <source>Nothing delivered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="108"/>
        <source>Constellr deliveries · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="110"/>
        <source>{n} delivered image(s); their footprints are on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="132"/>
        <source>Find and tick the deliveries to open first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="141"/>
        <source>{n} LST layer(s) opened, in °C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="155"/>
        <source>Find and tick the deliveries to download first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/deliveries_panel.py" line="193"/>
        <source>{n} LST layer(s) added, in °C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="135"/>
        <source>day or night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="135"/>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="135"/>
        <source>night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="115"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="241"/>
        <source>{n} orders, sent in {b} batches of at most {m}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="245"/>
        <source>{n} order(s) in one batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="256"/>
        <source>Nothing was sent: fix the fields marked in red first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="259"/>
        <source>{n} areas make {n} orders. Constellr takes at most {m} orders per request, so they will be sent in {b} batches. Send them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="265"/>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="271"/>
        <source>Placing {n} order(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="272"/>
        <source>place Constellr orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="286"/>
        <source>{n} order(s) placed in {b} batch(es).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="290"/>
        <source>The connection broke while sending, but the orders are in the order list: nothing was sent twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/order_form.py" line="305"/>
        <source>Send the {n} order(s) again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="77"/>
        <source>Reading the orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="78"/>
        <source>Constellr orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="87"/>
        <source>The orders could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="101"/>
        <source>{n} order(s), read at {time}; read again every {m} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="114"/>
        <source>{n} order(s) changed state: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="114"/>
        <source> and {n} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="149"/>
        <source>Was {before} at the last look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="193"/>
        <source>Only orders waiting for validation or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="200"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="201"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="202"/>
        <source>Rejection reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="116"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="204"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="205"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="206"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="130"/>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="135"/>
        <source>Illumination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="209"/>
        <source>Max. images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="210"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="155"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="212"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="227"/>
        <source>edit the tags of an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="242"/>
        <source>Tags saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="258"/>
        <source>Delete the {product} order for {area}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="263"/>
        <source>delete an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="275"/>
        <source>The order was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/orders_table.py" line="288"/>
        <source>Constellr lets you delete only orders waiting for validation or rejected; this one is {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="63"/>
        <source>EO Explorer – Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="111"/>
        <source>Custom script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="206"/>
        <source>Open an evalscript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="206"/>
        <source>Evalscripts (*.js *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="214"/>
        <source>Save the evalscript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="214"/>
        <source>Evalscripts (*.js)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="284"/>
        <source>Select one or more polygons (or footprints) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="322"/>
        <source>Output: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="325"/>
        <source>Not ready: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_dock.py" line="328"/>
        <source>Not ready: the area has no size yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_entry.py" line="11"/>
        <source>Sentinel Hub Process API: imagery for an area, loaded as a raster layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="109"/>
        <source>BYOC collection (byoc-&lt;id&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="115"/>
        <source>default (nearest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="118"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="122"/>
        <source>Products with these polarizations only: DV (VV+VH) and DH (HH+HV) are dual, SV / SH single. The evalscript may read only bands the product has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="128"/>
        <source>default (gamma0 ellipsoid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="224"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="132"/>
        <source>Lee {n} × {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="141"/>
        <source>default (most recent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="146"/>
        <source>This collection has no cloud cover to filter by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="151"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="219"/>
        <source>Check the form: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_form.py" line="251"/>
        <source>{w} × {h} px of {pixel} in EPSG:{epsg} · {n} request(s) · about {pu} processing units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_run.py" line="68"/>
        <source>Requesting {n} image(s) from {host}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_run.py" line="87"/>
        <source>{done} of {total} image(s) received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="375"/>
        <source>Cancelled: nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_run.py" line="112"/>
        <source>The request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_run.py" line="125"/>
        <source>Saved {file} ({n} request(s), {units} processing units); request in {json}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/process_run.py" line="135"/>
        <source>{n} image(s) failed after retries and are empty in the result: {which}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="131"/>
        <source> (account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="157"/>
        <source>{title} needs {account}. Add it under Accounts… to search it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/process_styles.py" line="121"/>
        <source>QGIS could not open {path} as a raster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="68"/>
        <source>Create Constellr orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="77"/>
        <source>constellr,lst,tasking,order,land surface temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="80"/>
        <source>Creates a Constellr area of interest for every polygon of the layer (one polygon per feature; multi-part features are refused with an explanation) and orders the product for each, with the same specification. Needs the Constellr account (EO Explorer ▸ Accounts…).

Everything is checked before anything is created: the bounding box of each polygon (LSTprecision and LSTzoom at most 15 km × 15 km; LSTfusion 60 m to 110 km), the start date (from today; LSTfusion: not in the future), the duration (LSTprecision and LSTzoom: 7 days to 1 year), the frequency of the product, the maximum number of images (1 for a single image; none for LSTfusion) and the tags (at most 10, 50 characters each, no duplicates).

&lt;b&gt;Name field&lt;/b&gt;: the areas' names (unique in the workspace); without it, the layer name and feature id. An area that already exists with that name is reused.
&lt;b&gt;Only check&lt;/b&gt;: measure and check, create nothing.
Orders are sent in batches of at most 25. The output lists each feature with its area and order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="103"/>
        <source>Polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="108"/>
        <source>Name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="117"/>
        <source>Use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="122"/>
        <source>Start date (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="125"/>
        <source>End date (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="143"/>
        <source>Maximum number of images (0: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="152"/>
        <source>Tags (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="156"/>
        <source>Only check, create nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="166"/>
        <source>Number of orders placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="185"/>
        <source>The {0} is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="227"/>
        <source>{0}: the name is used twice; names must be unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="233"/>
        <source>Nothing was created. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="235"/>
        <source>The layer has no polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="278"/>
        <source>{0} order(s) placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="285"/>
        <source>Nothing was ordered: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="297"/>
        <source>{0}: the existing area of that name is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="311"/>
        <source>Checked: the orders are valid. Nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="319"/>
        <source>Cancelled before all areas were created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="322"/>
        <source>Area {0} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="331"/>
        <source>Batch {0}: the answer was lost, but its orders are in the order list; nothing was sent twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="80"/>
        <source>Download assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="89"/>
        <source>stac,assets,download,cog,geotiff,raster,satellite,earth observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="92"/>
        <source>Downloads the assets (files) of the items of a footprints layer made by an EO Explorer search, into &lt;i&gt;folder/collection/item id/&lt;/i&gt;.

&lt;b&gt;Footprints&lt;/b&gt;: a layer from the Search dock or from &quot;Search catalog&quot;; its item_json field describes each item. Tick &quot;Selected features only&quot; to download the assets of the selected footprints only.
&lt;b&gt;Asset keys&lt;/b&gt;: the assets to download, separated by commas, for example visual, lst or B04, B08. Leave empty to download every raster asset (GeoTIFF, COG, JPEG 2000).
&lt;b&gt;Download folder&lt;/b&gt;: where the files go. A download that was cancelled or cut off is resumed by running the algorithm again with the same folder; files are checked against the size and checksum the catalog gives.
&lt;b&gt;Load the rasters&lt;/b&gt;: add the downloaded rasters to the project, styled (true colour, temperature ramp or grey stretch), in the EO Explorer group.

Assets on hosts that need an account use the account set up in EO Explorer ▸ Accounts. Each file that fails is reported as a warning; the algorithm still downloads the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="115"/>
        <source>Footprints (a layer from an EO Explorer search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="122"/>
        <source>Asset keys (comma-separated; empty: every raster asset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="132"/>
        <source>Load the rasters into the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="137"/>
        <source>Files downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="138"/>
        <source>Files that failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="249"/>
        <source>Choose a download folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="178"/>
        <source>The layer has no {0} field: use a footprints layer made by an EO Explorer search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="199"/>
        <source>{0} footprint(s) skipped: their {1} field is not a STAC item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="205"/>
        <source>There are no footprints to download assets for (with &quot;Selected features only&quot;, select some footprints first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="221"/>
        <source>None of the {0} item(s) has a raster asset. Their assets: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="224"/>
        <source>None of the {0} item(s) has an asset named {1}. Their assets: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="253"/>
        <source>The download folder {0} cannot be created: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="257"/>
        <source>Downloading {0} file(s) of {1} item(s) into {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="274"/>
        <source>(resumed after {0} bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="275"/>
        <source>{0} · {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="279"/>
        <source>Failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="281"/>
        <source>Cancelled. Partly downloaded files are kept (*.part): run the algorithm again with the same folder to resume them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="360"/>
        <source>The rasters are not loaded: not running on the main thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="373"/>
        <source>{0} raster layer(s) added to the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="72"/>
        <source>The result could not be styled: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="95"/>
        <source>Sentinel Hub Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="104"/>
        <source>sentinel hub,process api,evalscript,ndvi,sentinel-2,sentinel-1,cdse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="107"/>
        <source>Requests imagery from the Sentinel Hub Process API for an area and writes it as a Cloud-Optimized GeoTIFF, with the request JSON beside it.

&lt;b&gt;Endpoint&lt;/b&gt;: services.sentinel-hub.com, services-uswest2.sentinel-hub.com or sh.dataspace.copernicus.eu, with the account saved under EO Explorer ▸ Accounts.
&lt;b&gt;Collection&lt;/b&gt;: sentinel-2-l2a, sentinel-2-l1c, sentinel-1-grd, sentinel-3-olci, sentinel-3-slstr, landsat-ot-l2, dem or byoc-&amp;lt;id&amp;gt;.
&lt;b&gt;Area layer&lt;/b&gt; (its polygons, clipped) wins over the &lt;b&gt;extent&lt;/b&gt;.
&lt;b&gt;Evalscript&lt;/b&gt;: a preset, or a script file (it wins over the preset).
&lt;b&gt;Output CRS&lt;/b&gt;: empty for the UTM zone of the area. &lt;b&gt;Resolution&lt;/b&gt; in metres, unless &lt;b&gt;width&lt;/b&gt; and &lt;b&gt;height&lt;/b&gt; in pixels are given.
Areas larger than 2500 × 2500 pixels are requested in tiles and assembled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="128"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="129"/>
        <source>Data collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="134"/>
        <source>Extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="135"/>
        <source>Area (polygon layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="150"/>
        <source>Evalscript preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="151"/>
        <source>Evalscript file (instead of the preset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="160"/>
        <source>Mosaicking order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="173"/>
        <source>Upsampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="173"/>
        <source>Downsampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="178"/>
        <source>Sentinel-1: orthorectify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="183"/>
        <source>Sentinel-1: backscatter coefficient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="191"/>
        <source>Sentinel-1: Lee speckle filter window (0: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="201"/>
        <source>Sentinel-1: polarization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="209"/>
        <source>Elevation model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="212"/>
        <source>Output CRS (empty: UTM zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="215"/>
        <source>Resolution (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="224"/>
        <source>Width (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="224"/>
        <source>Height (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="234"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="235"/>
        <source>Requests sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="236"/>
        <source>Processing units spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="237"/>
        <source>Request JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="259"/>
        <source>Unknown evalscript preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="311"/>
        <source>Give an extent or an area layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="325"/>
        <source>Unknown endpoint {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="351"/>
        <source>{0} × {1} px in EPSG:{2}, {3} request(s), about {4} processing units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="362"/>
        <source>The image is written as a GeoTIFF: use .tif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="381"/>
        <source>Tile {0} failed and is empty: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="384"/>
        <source>Saved {0} and {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock_entry.py" line="64"/>
        <source>EO Explorer {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock_entry.py" line="110"/>
        <source>The {name} dock could not be opened; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="511"/>
        <source>Assets of the first {n} of {total} selected items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="97"/>
        <source>Searches an Earth-observation catalog (a STAC API) and writes the footprints of the items found as a polygon layer in EPSG:4326, one feature per item.

&lt;b&gt;Catalog&lt;/b&gt;: the id of a catalog known to EO Explorer (for example cdse, or sandbox when the local test catalog runs) or the URL of any STAC API landing page. Catalogs that need an account use the account set up in EO Explorer ▸ Accounts.
&lt;b&gt;Collections&lt;/b&gt;: collection ids separated by commas, for example sentinel-2-l2a. Leave empty to search every collection.
&lt;b&gt;Extent&lt;/b&gt; and &lt;b&gt;Area&lt;/b&gt;: where to search. The area layer's polygons (only the selected ones when &quot;Selected features only&quot; is ticked) win over the extent. With neither, the whole world is searched.
&lt;b&gt;Start date&lt;/b&gt; and &lt;b&gt;End date&lt;/b&gt;: both days are included (UTC).
&lt;b&gt;Maximum cloud cover&lt;/b&gt;: in percent; items without cloud cover are kept. Catalogs that cannot filter by cloud cover are filtered after download.
&lt;b&gt;CQL2 filter&lt;/b&gt;: an extra filter in CQL2 text, for catalogs that support the STAC Filter extension, for example &quot;platform = 'sentinel-2a'&quot;.
&lt;b&gt;Maximum number of items&lt;/b&gt;: the search stops after this many footprints.
&lt;b&gt;Sort order&lt;/b&gt;: which items come first, and so which ones the maximum keeps (newest, oldest or least cloudy first), for catalogs that can sort; others keep their own order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="198"/>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="205"/>
        <source>version {0} is installed, {1} needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="447"/>
        <source>EO Explorer: install Python packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="488"/>
        <source>EO Explorer needs Python packages that QGIS does not have: {0}. Click Install to install them for your QGIS profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="492"/>
        <source>EO Explorer needs other Python packages: {0}. A package of the wrong version cannot be replaced by an install for the plugin alone; upgrade it in QGIS&apos;s Python (on Windows in the OSGeo4W Shell, on Linux possibly with the system package manager), then restart QGIS: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="510"/>
        <source>Your system&apos;s package manager installed {0}, which Python loads before any copy pip installs; install the matching package from the same source instead (Debian, Ubuntu: sudo apt install {1}), then restart QGIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="543"/>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="561"/>
        <source>The install of {0} was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="563"/>
        <source>QGIS&apos;s Python interpreter was not found, so {0} could not be installed. Install them into QGIS&apos;s Python yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="571"/>
        <source>{0} could not be installed; pip&apos;s output is in the EO Explorer message log. You can run the install yourself: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="581"/>
        <source>pip finished, but these packages are still not usable: {0}. Restart QGIS and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="588"/>
        <source>Installed {0}. EO Explorer is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="596"/>
        <source>Installing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/dependencies.py" line="597"/>
        <source>Installing {0} into {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="6"/>
        <source>EO Explorer – Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="17"/>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="19"/>
        <source>Header name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="20"/>
        <source>e.g. X-API-Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="21"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="23"/>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="27"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="30"/>
        <source>Token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="31"/>
        <source>Leave empty for the service&apos;s own sign-in server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="36"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="37"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="38"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="48"/>
        <source>Secrets are kept in the QGIS authentication database, protected by your master password; EO Explorer&apos;s settings hold only a reference to them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetsPanel</name>
    <message>
        <location filename="../ui/assets_panel.ui" line="14"/>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="15"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="16"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="17"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="18"/>
        <source>Raster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="19"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="24"/>
        <source>Tick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="25"/>
        <source>Tick this asset in every selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="26"/>
        <source>in all items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="32"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="32"/>
        <source>Download the ticked assets and load the rasters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="33"/>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="33"/>
        <source>Open the ticked Cloud-Optimized GeoTIFFs without downloading them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="34"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogsDialog</name>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="6"/>
        <source>EO Explorer – Catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="13"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="15"/>
        <source>STAC API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="24"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="25"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="26"/>
        <source>Restore preset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConstellrAreas</name>
    <message>
        <location filename="../ui/constellr_areas.ui" line="12"/>
        <source>New area of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="15"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="20"/>
        <source>Polygon drawn on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="21"/>
        <source>Click vertices on the map; right-click or double-click to finish. Drag a vertex to edit, Backspace removes the last one, Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="21"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="24"/>
        <source>Current map extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="25"/>
        <source>Selected feature of a layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="52"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="30"/>
        <source>A name unique in the workspace, e.g. North field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="31"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="35"/>
        <source>Ask Constellr for the bounding box and area of the polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="35"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="36"/>
        <source>Create area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="43"/>
        <source>Areas of interest of the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="53"/>
        <source>Bounding box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="54"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="59"/>
        <source>Zoom to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="60"/>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="60"/>
        <source>Find the products delivered for this area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="61"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConstellrDeliveries</name>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="10"/>
        <source>Choose an order or an area and press Deliveries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="15"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="16"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="17"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="23"/>
        <source>Open LST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="23"/>
        <source>Stream the ticked LST rasters (Cloud-Optimized GeoTIFFs) with a temperature colour ramp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="24"/>
        <source>Download LST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="24"/>
        <source>Download the ticked LST rasters to the folder and load them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="25"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConstellrDock</name>
    <message>
        <location filename="../ui/constellr_dock.ui" line="6"/>
        <source>EO Explorer – Constellr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="16"/>
        <source>The Constellr account (workspace API key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="16"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="17"/>
        <source>Read products, use cases, areas and orders again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="24"/>
        <source>Areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="28"/>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="32"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="36"/>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConstellrOrderForm</name>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="16"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="19"/>
        <source>Use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="22"/>
        <source>Areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="23"/>
        <source>Tick the areas of interest to order for: one order per area, all with this specification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="25"/>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="29"/>
        <source>Dates are days in UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="28"/>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="31"/>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="34"/>
        <source>Illumination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="35"/>
        <source>Whether imaging takes place during the astronomical day, night or either</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="37"/>
        <source>Max. images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="38"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="40"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="41"/>
        <source>comma-separated, e.g. field42, wheat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="43"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="53"/>
        <source>Place orders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConstellrOrders</name>
    <message>
        <location filename="../ui/constellr_orders.ui" line="13"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="27"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="28"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="29"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="30"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="31"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="32"/>
        <source>Rejection reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="33"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="34"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="41"/>
        <source>Tags of the selected order, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="42"/>
        <source>Save tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="48"/>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="48"/>
        <source>Find the products delivered for this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="49"/>
        <source>Delete order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessDock</name>
    <message>
        <location filename="../ui/process_dock.ui" line="6"/>
        <source>EO Explorer – Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="19"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="23"/>
        <source>Accounts: Sentinel Hub, Sentinel Hub on Copernicus Data Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="23"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="26"/>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="30"/>
        <source>BYOC collection id, e.g. 017aa0ae-33a6-45d3-8548-0f7d1041b40c</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="33"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="36"/>
        <source>Current map extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="39"/>
        <source>Polygon drawn on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="40"/>
        <source>Click vertices on the map; right-click or double-click to finish. Drag a vertex to edit, Backspace removes the last one, Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="40"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="43"/>
        <source>Selected features of a layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="45"/>
        <source>The footprints selected in a search result layer (the Search dock&apos;s table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="45"/>
        <source>Selected search footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="48"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="52"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="56"/>
        <source>Mosaicking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="57"/>
        <source>Which acquisition is on top where several cover a pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="58"/>
        <source>Max. cloud cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="59"/>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="60"/>
        <source>Resampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="63"/>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="65"/>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="71"/>
        <source>Sentinel-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="73"/>
        <source>Polarization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="75"/>
        <source>Backscatter coefficient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="77"/>
        <source>Orthorectify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="78"/>
        <source>Speckle filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="83"/>
        <source>Elevation model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="85"/>
        <source>Evalscript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="91"/>
        <source>Load an evalscript from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="91"/>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="92"/>
        <source>Save the evalscript to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="92"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="99"/>
        <source>Output CRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="102"/>
        <source>UTM zone of the area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="105"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="111"/>
        <source>Pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="114"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="115"/>
        <source> m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="116"/>
        <source>Width × height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="119"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="122"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="131"/>
        <source>Request imagery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="132"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../ui/search_dock.ui" line="6"/>
        <source>EO Explorer – Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="22"/>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="26"/>
        <source>Add, edit or remove catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="30"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="35"/>
        <source>Type to filter collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="36"/>
        <source>Read the catalog&apos;s collections again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="43"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="46"/>
        <source>Current map extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="49"/>
        <source>Polygon drawn on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="50"/>
        <source>Click vertices on the map; right-click or double-click to finish. Drag a vertex to edit, Backspace removes the last one, Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="50"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="53"/>
        <source>Selected features of a layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="57"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="60"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="62"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="66"/>
        <source>Cloud cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="69"/>
        <source>at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="70"/>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="74"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="75"/>
        <source>CQL2 text, e.g. platform = &apos;sentinel-2a&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="76"/>
        <source>Max. items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="80"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="81"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="27"/>
        <source>Accounts: Sentinel Hub, Copernicus Data Space, Constellr, ESA MAAP, custom catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="27"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="96"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="111"/>
        <source>Assets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
