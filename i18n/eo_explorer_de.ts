<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/gui/common/catalogs_dialog.py" line="64"/>
        <source>Needs {account}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/catalogs_dialog.py" line="90"/>
        <source>My catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="71"/>
        <source>EO Explorer – Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="529"/>
        <source>Reading collections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="550"/>
        <source>Collections could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="593"/>
        <source>{n} collections. Tick one or more; none ticked searches them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="601"/>
        <source>This catalog does not support CQL2 filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="642"/>
        <source>The chosen collections have no eo:cloud_cover property.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="326"/>
        <source>Draw a polygon on the map first (Draw button).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="704"/>
        <source>Select one or more polygons in a layer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="769"/>
        <source>Searching {title}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="407"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="780"/>
        <source>{count} items from {pages} page(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="784"/>
        <source> — {matched} match in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="838"/>
        <source>The search failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1043"/>
        <source>{count} items on the map from {pages} page(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1047"/>
        <source>The catalog has {n} matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1051"/>
        <source>Cancelled: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="851"/>
        <source>No items match this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="855"/>
        <source>This catalog cannot filter by cloud cover; EO Explorer dropped {n} cloudier items itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="865"/>
        <source>{n} items could not be drawn and were left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="23"/>
        <source>EO Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/entry.py" line="13"/>
        <source>Search Earth-observation catalogs from the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="26"/>
        <source>EO Explorer: search Earth-observation catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="55"/>
        <source>The Processing algorithms of EO Explorer are not available: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="56"/>
        <source>No catalog given: enter a catalog id or a STAC API URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="63"/>
        <source>Unknown catalog &quot;{0}&quot;. Use one of {1} or the URL of a STAC API (starting with http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="107"/>
        <source>Search catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="116"/>
        <source>stac,search,catalog,satellite,footprints,earth observation,cdse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="146"/>
        <source>Catalog (id or STAC API URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="153"/>
        <source>Collections (comma-separated ids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="158"/>
        <source>Search extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="161"/>
        <source>Search area (polygon layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="62"/>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="62"/>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="90"/>
        <source>Maximum cloud cover (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="192"/>
        <source>CQL2 filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="195"/>
        <source>Maximum number of items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="218"/>
        <source>Footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="223"/>
        <source>Number of footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="224"/>
        <source>Number of items the catalog matched (-1 if unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="246"/>
        <source>The {0} is not a date; use the form 2024-06-30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="268"/>
        <source>The search area layer has no polygon to search with (with &quot;Selected features only&quot;, select at least one polygon).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="275"/>
        <source>Both an extent and an area layer are given: the area layer is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="289"/>
        <source>The search extent cannot be expressed in longitude and latitude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="373"/>
        <source>Searching {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/search/workflow.py" line="100"/>
        <source>This catalog cannot filter by cloud cover; items above the limit are dropped after download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/search/workflow.py" line="119"/>
        <source>page {0}: {1} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/search/workflow.py" line="122"/>
        <source>The catalog matched {0} items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="385"/>
        <source>Item {0} skipped: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="389"/>
        <source>{0} more items skipped because they cannot be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="395"/>
        <source>{0} items above the cloud cover limit were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="399"/>
        <source>Cancelled: the output holds the {0} footprints found so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="403"/>
        <source>The catalog did not say how many items match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="404"/>
        <source>{0} footprints written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="371"/>
        <source>Searching {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="58"/>
        <source>There is no polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="60"/>
        <source>An area of interest must be a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="63"/>
        <source>This feature has {n} parts, but a Constellr area of interest is one polygon. Split it (Vector ▸ Geometry Tools ▸ Multipart to Singleparts) and create one area per part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="72"/>
        <source>This polygon crosses the antimeridian (180°), so it would become two polygons; Constellr takes one per area of interest. Draw one on each side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="87"/>
        <source>The map extent crosses the antimeridian (180°), so it would become two polygons; Constellr takes one per area of interest. Pan to one side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="99"/>
        <source>Select one polygon in a layer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="102"/>
        <source>{n} features are selected, but an area of interest is one polygon. Select one, or create orders for every feature with the Processing algorithm &apos;Create Constellr orders&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="150"/>
        <source>Constellr areas of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="80"/>
        <source>Catalog: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="138"/>
        <source>How this STAC API wants requests to be authenticated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="174"/>
        <source>Sandbox: client id {id}, secret {secret}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="180"/>
        <source>Sandbox: API key {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="202"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="224"/>
        <source>S3 endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="224"/>
        <source>Token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="277"/>
        <source>Fill in every field first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="294"/>
        <source>Saved in the QGIS authentication database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="309"/>
        <source>Removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="322"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="141"/>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="202"/>
        <source>Tick the assets to download first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="165"/>
        <source>Choose a download folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="177"/>
        <source>Downloading {n} file(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="274"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="291"/>
        <source>{n} raster layer(s) added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="307"/>
        <source>{key} is not a raster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="315"/>
        <source>{n} layer(s) streamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="53"/>
        <source>Suits {products}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="141"/>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="143"/>
        <source>measure the area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="211"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="157"/>
        <source>Bounding box {size}, area {ha} ha.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="169"/>
        <source>Give the area a name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="172"/>
        <source>An area called {name} already exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="178"/>
        <source>Measure the area first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="182"/>
        <source>Creating {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="183"/>
        <source>create an area of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="201"/>
        <source>{name} created ({size}); it is ticked in New order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="288"/>
        <source>Select an area in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="290"/>
        <source>Delete the area of interest {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="292"/>
        <source>delete an area of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="302"/>
        <source>{name} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="244"/>
        <source>EO Explorer – Constellr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="174"/>
        <source>Constellr API: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="141"/>
        <source>EO Explorer: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="175"/>
        <source>Constellr products and areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="169"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="254"/>
        <source>Constellr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/messages.py" line="21"/>
        <source>Check the {title} account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="89"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/entry.py" line="11"/>
        <source>Constellr: areas of interest, tasking orders and delivered LST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="68"/>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="273"/>
        <source>area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="69"/>
        <source>Deliveries for the {what} {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="73"/>
        <source>Searching the Constellr catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="83"/>
        <source>Constellr deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="116"/>
        <source>Nothing delivered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="118"/>
        <source>Constellr deliveries · {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="120"/>
        <source>{n} delivered image(s); their footprints are on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="142"/>
        <source>Find and tick the deliveries to open first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="162"/>
        <source>Find and tick the deliveries to download first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="143"/>
        <source>day or night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="143"/>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="143"/>
        <source>night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="119"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="245"/>
        <source>{n} orders, sent in {b} batches of at most {m}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="249"/>
        <source>{n} order(s) in one batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="260"/>
        <source>Nothing was sent: fix the fields marked in red first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="264"/>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="312"/>
        <source>Placing {n} order(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="313"/>
        <source>place Constellr orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="339"/>
        <source>{n} order(s) placed in {b} batch(es).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="76"/>
        <source>Reading the orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="77"/>
        <source>Constellr orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="86"/>
        <source>The orders could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="102"/>
        <source>{n} order(s), read at {time}; read again every {m} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="115"/>
        <source>{n} order(s) changed state: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="115"/>
        <source> and {n} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="150"/>
        <source>Was {before} at the last look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="194"/>
        <source>Only orders waiting for validation or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="201"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="202"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="203"/>
        <source>Rejection reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="124"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="205"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="206"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="207"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="138"/>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="143"/>
        <source>Illumination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="210"/>
        <source>Max. images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="211"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="163"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="213"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="228"/>
        <source>edit the tags of an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="243"/>
        <source>Tags saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="259"/>
        <source>Delete the {product} order for {area}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="264"/>
        <source>delete an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="276"/>
        <source>The order was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="289"/>
        <source>Constellr lets you delete only orders waiting for validation or rejected; this one is {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="75"/>
        <source>EO Explorer – Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="125"/>
        <source>Custom script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="265"/>
        <source>Open an evalscript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="265"/>
        <source>Evalscripts (*.js *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="273"/>
        <source>Save the evalscript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="273"/>
        <source>Evalscripts (*.js)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="335"/>
        <source>Select one or more polygons (or footprints) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="376"/>
        <source>Output: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="380"/>
        <source>Not ready: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="383"/>
        <source>Not ready: the area has no size yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/entry.py" line="11"/>
        <source>Sentinel Hub Process API: imagery for an area, loaded as a raster layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="110"/>
        <source>BYOC collection (byoc-&lt;id&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="116"/>
        <source>default (nearest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="119"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="123"/>
        <source>Products with these polarizations only: DV (VV+VH) and DH (HH+HV) are dual, SV / SH single. The evalscript may read only bands the product has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="129"/>
        <source>default (gamma0 ellipsoid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="133"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="133"/>
        <source>Lee {n} × {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="142"/>
        <source>default (most recent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="147"/>
        <source>This collection has no cloud cover to filter by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="152"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="220"/>
        <source>Check the form: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="226"/>
        <source>{w} × {h} px of {pixel} in EPSG:{epsg} · {n} request(s) · about {pu} processing units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="99"/>
        <source>Requesting {n} image(s) from {host}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="113"/>
        <source>{done} of {total} image(s) received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="374"/>
        <source>Cancelled: nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="137"/>
        <source>The request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="156"/>
        <source>Saved {file} ({n} request(s), {units} processing units); request in {json}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="166"/>
        <source>{n} image(s) failed after retries and are empty in the result: {which}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="468"/>
        <source> (account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="497"/>
        <source>{title} needs {account}. Add it under Accounts… to search it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/styles.py" line="127"/>
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
        <location filename="../plugin/processing/constellr_algorithm.py" line="111"/>
        <source>Polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="116"/>
        <source>Name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="125"/>
        <source>Use case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="130"/>
        <source>Start date (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="133"/>
        <source>End date (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="151"/>
        <source>Maximum number of images (0: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="160"/>
        <source>Tags (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="164"/>
        <source>Only check, create nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="174"/>
        <source>Number of orders placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="194"/>
        <source>The {0} is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="236"/>
        <source>{0}: the name is used twice; names must be unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="242"/>
        <source>Nothing was created. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="244"/>
        <source>The layer has no polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="306"/>
        <source>{0} order(s) placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="172"/>
        <source>Nothing was ordered: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="204"/>
        <source>{0}: the existing area of that name is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="221"/>
        <source>Checked: the orders are valid. Nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="228"/>
        <source>Cancelled before all areas were created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="233"/>
        <source>Area {0} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="118"/>
        <source>Batch {0}: the answer was lost, but its orders are in the order list; nothing was sent twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="92"/>
        <source>Download assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="101"/>
        <source>stac,assets,download,cog,geotiff,raster,satellite,earth observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="104"/>
        <source>Downloads the assets (files) of the items of a footprints layer made by an EO Explorer search, into &lt;i&gt;folder/collection/item id/&lt;/i&gt;.

&lt;b&gt;Footprints&lt;/b&gt;: a layer from the Search dock or from &quot;Search catalog&quot;; its item_json field describes each item. Tick &quot;Selected features only&quot; to download the assets of the selected footprints only.
&lt;b&gt;Asset keys&lt;/b&gt;: the assets to download, separated by commas, for example visual, lst or B04, B08. Leave empty to download every raster asset (GeoTIFF, COG, JPEG 2000).
&lt;b&gt;Download folder&lt;/b&gt;: where the files go. A download that was cancelled or cut off is resumed by running the algorithm again with the same folder; files are checked against the size and checksum the catalog gives.
&lt;b&gt;Load the rasters&lt;/b&gt;: add the downloaded rasters to the project, styled (true colour, temperature ramp or grey stretch), in the EO Explorer group.

Assets on hosts that need an account use the account set up in EO Explorer ▸ Accounts. Each file that fails is reported as a warning; the algorithm still downloads the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="127"/>
        <source>Footprints (a layer from an EO Explorer search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="134"/>
        <source>Asset keys (comma-separated; empty: every raster asset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="144"/>
        <source>Load the rasters into the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="149"/>
        <source>Files downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="150"/>
        <source>Files that failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="232"/>
        <source>Choose a download folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="185"/>
        <source>The layer has no {0} field: use a footprints layer made by an EO Explorer search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="206"/>
        <source>{0} footprint(s) skipped: their {1} field is not a STAC item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="212"/>
        <source>There are no footprints to download assets for (with &quot;Selected features only&quot;, select some footprints first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="276"/>
        <source>None of the {0} item(s) has a raster asset. Their assets: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="279"/>
        <source>None of the {0} item(s) has an asset named {1}. Their assets: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="303"/>
        <source>The download folder {0} cannot be created: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="311"/>
        <source>Downloading {0} file(s) of {1} item(s) into {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="245"/>
        <source>(resumed after {0} bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="246"/>
        <source>{0} · {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="250"/>
        <source>Failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="252"/>
        <source>Cancelled. Partly downloaded files are kept (*.part): run the algorithm again with the same folder to resume them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="281"/>
        <source>The rasters are not loaded: not running on the main thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="287"/>
        <source>{0} raster layer(s) added to the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="76"/>
        <source>The result could not be styled: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="96"/>
        <source>Sentinel Hub Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="105"/>
        <source>sentinel hub,process api,evalscript,ndvi,sentinel-2,sentinel-1,cdse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="49"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="53"/>
        <source>Data collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="135"/>
        <source>Extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="136"/>
        <source>Area (polygon layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="73"/>
        <source>Evalscript preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="74"/>
        <source>Evalscript file (instead of the preset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="87"/>
        <source>Mosaicking order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="147"/>
        <source>Upsampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="147"/>
        <source>Downsampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="154"/>
        <source>Sentinel-1: orthorectify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="159"/>
        <source>Sentinel-1: backscatter coefficient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="167"/>
        <source>Sentinel-1: Lee speckle filter window (0: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="177"/>
        <source>Sentinel-1: polarization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="185"/>
        <source>Elevation model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="190"/>
        <source>Output CRS (empty: UTM zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="104"/>
        <source>Resolution (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="194"/>
        <source>Width (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="194"/>
        <source>Height (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="204"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="136"/>
        <source>Requests sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="210"/>
        <source>Processing units spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="211"/>
        <source>Request JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="236"/>
        <source>Unknown evalscript preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="288"/>
        <source>Give an extent or an area layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="304"/>
        <source>Unknown endpoint {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="344"/>
        <source>{0} × {1} px in EPSG:{2}, {3} request(s), about {4} processing units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="355"/>
        <source>The image is written as a GeoTIFF: use .tif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="380"/>
        <source>Tile {0} failed and is empty: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="383"/>
        <source>Saved {0} and {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dock_entry.py" line="82"/>
        <source>EO Explorer {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dock_entry.py" line="128"/>
        <source>The {name} dock could not be opened; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="960"/>
        <source>Assets of the first {n} of {total} selected items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="119"/>
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
        <location filename="../plugin/core/dependencies/versions.py" line="188"/>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/dependencies/versions.py" line="195"/>
        <source>version {0} is installed, {1} needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="54"/>
        <source>EO Explorer: install Python packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="71"/>
        <source>EO Explorer needs Python packages that QGIS does not have: {0}. Click Install to install them for your QGIS profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="75"/>
        <source>EO Explorer needs other Python packages: {0}. A package of the wrong version cannot be replaced by an install for the plugin alone; upgrade it in QGIS&apos;s Python (on Windows in the OSGeo4W Shell, on Linux possibly with the system package manager), then restart QGIS: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/dependencies/pip.py" line="244"/>
        <source>Your system&apos;s package manager installed {0}, which Python loads before any copy pip installs; install the matching package from the same source instead (Debian, Ubuntu: sudo apt install {1}), then restart QGIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="109"/>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="127"/>
        <source>The install of {0} was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="129"/>
        <source>QGIS&apos;s Python interpreter was not found, so {0} could not be installed. Install them into QGIS&apos;s Python yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="137"/>
        <source>{0} could not be installed; pip&apos;s output is in the EO Explorer message log. You can run the install yourself: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="147"/>
        <source>pip finished, but these packages are still not usable: {0}. Restart QGIS and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="154"/>
        <source>Installed {0}. EO Explorer is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="162"/>
        <source>Installing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="163"/>
        <source>Installing {0} into {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="255"/>
        <source>Reading {0} item(s) whole from the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="263"/>
        <source>Item {0} could not be read whole: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="298"/>
        <source>There is nothing to download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="390"/>
        <source>EO Explorer: download {0} file(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="112"/>
        <source>Batch {0} of {1} (tag {2}): {3} order(s) placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="151"/>
        <source>The catalog does not give the size; it shows once the download starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="166"/>
        <source>QGIS opens it as a raster layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="168"/>
        <source>Roles: {roles}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="274"/>
        <source>on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="288"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="293"/>
        <source>{n} already on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="89"/>
        <source>New S3 bucket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="135"/>
        <source>New S3 bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="274"/>
        <source>Enter the bucket&apos;s name (without s3:// or /).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="55"/>
        <source>Too large for {products}: at most {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="55"/>
        <source>Too small for {products}: at least {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="67"/>
        <source>{first} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="151"/>
        <source>{n} LST layer(s) opened, in {unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="199"/>
        <source>{n} LST layer(s) added, in {unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="84"/>
        <source>Press Refresh to read your Constellr areas and orders (QGIS asks for its master password first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="274"/>
        <source>and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="276"/>
        <source>Place {n} Constellr order(s)? Constellr charges for tasking orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="280"/>
        <source>Product: {p}, {f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="281"/>
        <source>Dates (UTC): {a} to {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="284"/>
        <source>Areas ({n}): {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="287"/>
        <source>At most {n} image(s) per order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="291"/>
        <source>Use case: {u}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="293"/>
        <source>Constellr takes at most {m} orders per request, so they will be sent in {b} batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="303"/>
        <source>Earlier orders whose answer was lost may have been placed (tag {t}): check the Orders tab before ordering the same again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="327"/>
        <source>Placing {n} order(s)… {done} placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="343"/>
        <source>The answer from Constellr was lost, but the orders are in the order list (found by their batch tag): nothing was sent twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="358"/>
        <source>Send the {n} order(s) again? EO Explorer looks for them in the order list once more first and sends only what is still not there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Catalog&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Least cloudy first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="269"/>
        <source>The map has no time yet: set the project's time range (Project ▸ Properties ▸ Temporal) or turn on the Temporal Controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="314"/>
        <source>No images for this collection, area and dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="317"/>
        <source>{n} dates with images (in bold in the calendars): {dates}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="416"/>
        <source>Search form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="417"/>
        <source>Hide the search form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="422"/>
        <source>{summary}
Click to change the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="442"/>
        <source>all collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="446"/>
        <source>{first} and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="450"/>
        <source>drawn polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="452"/>
        <source>selected features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="454"/>
        <source>map extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="507"/>
        <source>Press Refresh to read the collections of {title} (QGIS asks for its master password first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="586"/>
        <source>{n} collections. Type words (or a filter such as platform=&apos;BIOMASS&apos;) to search the catalog&apos;s collections; none ticked searches them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="958"/>
        <source>Reading the items' assets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="971"/>
        <source>{n} item(s) could not be read whole: {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1024"/>
        <source>newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1025"/>
        <source>oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1026"/>
        <source>least cloudy first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1035"/>
        <source>{shown} of {matched} — raise Max. items to see more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1039"/>
        <source>{shown} shown, more available — raise Max. items to see more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1053"/>
        <source>Rows in the catalog&apos;s order ({order}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/results.py" line="258"/>
        <source>Click a column heading to sort by it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/thumbnails.py" line="124"/>
        <source>No preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/thumbnails.py" line="107"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="478"/>
        <source>Sentinel Hub asked to slow down: waiting {s} s before the next request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="71"/>
        <source>Streamed layers of saved projects will not get their credentials back: a package EO Explorer needs could not be imported ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/map/areas.py" line="56"/>
        <source>The map shows no area yet: add a layer or zoom to the place you want to search, or draw a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="80"/>
        <source>Creates a Constellr area of interest for every polygon of the layer (one polygon per feature; multi-part features are refused with an explanation) and orders the product for each, with the same specification. Needs the Constellr account (EO Explorer ▸ Accounts…).

Everything is checked before anything is created: the bounding box of each polygon (LSTprecision and LSTzoom at most 15 km × 15 km; LSTfusion 60 m to 110 km), the start date (from today; LSTfusion: not in the future), the duration (LSTprecision and LSTzoom: 7 days to 1 year), the frequency of the product, the maximum number of images (1 for a single image; none for LSTfusion) and the tags (at most 10, 50 characters each, no duplicates).

&lt;b&gt;Name field&lt;/b&gt;: the areas' names (unique in the workspace); without it, the layer name and feature id. An area that already exists with that name is reused.
&lt;b&gt;Only check&lt;/b&gt;: measure and check, create nothing.
Orders are sent in batches of at most 25. The output lists each feature with its area and order.

&lt;b&gt;Running this algorithm places the orders, and Constellr charges for them&lt;/b&gt;: there is no further question. Run it with &lt;b&gt;Only check&lt;/b&gt; first to see what would be ordered. Each batch carries a tag of its own (eo-explorer-…, so at most 9 tags of yours per order); when Constellr's answer is lost (time-out, gateway error, broken connection), the order list is searched for that tag for up to 20 seconds and the batch is never sent twice. When the orders are not found, the algorithm stops and says so: check the Orders tab of the Constellr dock before running it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="316"/>
        <source>Look for the tag {0} in the Orders tab of the Constellr dock before running the algorithm again: a new run sends new orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="321"/>
        <source>{0} order(s) of earlier batches were placed. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="108"/>
        <source>Requests imagery from the Sentinel Hub Process API for an area and writes it as a Cloud-Optimized GeoTIFF, with the request JSON beside it.

&lt;b&gt;Endpoint&lt;/b&gt;: services.sentinel-hub.com, services-uswest2.sentinel-hub.com or sh.dataspace.copernicus.eu, with the account saved under EO Explorer ▸ Accounts.
&lt;b&gt;Collection&lt;/b&gt;: sentinel-2-l2a, sentinel-2-l1c, sentinel-1-grd, sentinel-3-olci, sentinel-3-slstr, landsat-ot-l2, dem or byoc-&amp;lt;id&amp;gt;. Each endpoint serves its own collections: Landsat only services-uswest2, the Sentinel collections services.sentinel-hub.com and sh.dataspace.copernicus.eu, the DEM all three.
&lt;b&gt;Area layer&lt;/b&gt; (its polygons, clipped) wins over the &lt;b&gt;extent&lt;/b&gt;.
&lt;b&gt;Evalscript&lt;/b&gt;: a preset, or a script file (it wins over the preset).
&lt;b&gt;Output CRS&lt;/b&gt;: empty for the UTM zone of the area. &lt;b&gt;Resolution&lt;/b&gt; in metres, unless &lt;b&gt;width&lt;/b&gt; and &lt;b&gt;height&lt;/b&gt; in pixels are given.
Areas larger than 2500 × 2500 pixels are requested in tiles and assembled.
An evalscript with several outputs (e.g. ids rgb and mask) gets one GeoTIFF each: the main one (id default, else the first) is &lt;b&gt;Image&lt;/b&gt;, the others are written beside it as &amp;lt;name&amp;gt;_&amp;lt;output id&amp;gt;.tif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="212"/>
        <source>Images of every evalscript output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="199"/>
        <source>Sentinel Hub asked to slow down: waiting {0} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="391"/>
        <source>Output {0} saved as {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="46"/>
        <source>The Processing algorithms of EO Explorer are not available: a package they need could not be imported ({0}). Reinstall requests, pydantic and shapely from the EO Explorer dock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="83"/>
        <source>The footprints could not be styled: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Sort order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="182"/>
        <source>Sandbox: access key {key}, secret key {secret}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="330"/>
        <source>Best cover needs the area of the search: search the map extent, a drawn polygon or selected features first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="346"/>
        <source>EO Explorer: best cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="366"/>
        <source>No footprint covers the search area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="368"/>
        <source>{n} footprint(s) cover {p} % of the search area (the fewest, least cloudy); they are selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="831"/>
        <source>The search failed after {count} items from {pages} page(s); they stay on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="131"/>
        <source>selected footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="133"/>
        <source>footprints in the map view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="136"/>
        <source>Quicklooks of the first {cap} of {n} {which}: at most {cap} are fetched at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="165"/>
        <source>No footprint is selected or in the map view: nothing to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="217"/>
        <source>EO Explorer: quicklooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="221"/>
        <source>Fetching {n} quicklook(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="310"/>
        <source>{n} quicklook(s) on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="312"/>
        <source>Cancelled: {n} quicklook(s) on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="314"/>
        <source>{n} could not be shown ({first}); the others are in the EO Explorer message log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="66"/>
        <source>Where Sentinel Hub writes the image: &lt;folder&gt;/&lt;request id&gt;/&lt;output&gt;.tif. QGIS reads it from there with the bucket&apos;s account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="77"/>
        <source>Set up the bucket&apos;s account (endpoint, region, keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="83"/>
        <source>Bucket folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="87"/>
        <source>optional: arn:aws:iam::123456789012:role/name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="66"/>
        <source>An IAM role Sentinel Hub may assume to write to the bucket: no key leaves QGIS. Sentinel Hub&apos;s documentation explains the role&apos;s policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="89"/>
        <source>IAM role ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="112"/>
        <source>Let Sentinel Hub use this bucket&apos;s keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="66"/>
        <source>Sends the access and secret key of the bucket&apos;s account to Sentinel Hub with the request, so that it can write the result. Without an IAM role, Sentinel Hub needs them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="98"/>
        <source>Image delivered to a bucket (Async API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="101"/>
        <source>Send to Sentinel Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="117"/>
        <source>Async API: one request of {w} x {h} px (up to {a} x {a} px; the synchronous API takes {s} x {s} px per request), written to the bucket, then loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="127"/>
        <source>{w} × {h} px of {pixel} in EPSG:{epsg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="150"/>
        <source>Set up the account of the bucket {bucket} under Accounts… (endpoint, region and keys): QGIS reads the result from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="192"/>
        <source>Sending one request to the Async API of {host}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="200"/>
        <source>Request {id} is running on Sentinel Hub ({n} check(s)); next look in {s} s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="206"/>
        <source>Done on Sentinel Hub: copying {url}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="219"/>
        <source>Stopped following the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="223"/>
        <source>The Async request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="237"/>
        <source>Saved {file}, delivered by request {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="105"/>
        <source>Large area (Batch Processing API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="108"/>
        <source>Analyse (cost and tiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="112"/>
        <source>Batch Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="128"/>
        <source>Tiling grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="129"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="132"/>
        <source>Sentinel Hub writes the tiles into the bucket through the bucket's policy: no key is sent to it. QGIS reads the tiles with the bucket's S3 account (Accounts…), for that bucket only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="204"/>
        <source>Batch: {grid} at {res}{unit} ({px} x {px} px tiles), about {n} tile(s) for this area; Analyse asks Sentinel Hub for the tile count and cost, nothing is processed before you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="249"/>
        <source>Creating the batch request and asking for its cost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="268"/>
        <source>No longer following the request; it goes on at Sentinel Hub (see Batch requests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="276"/>
        <source>The batch request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="289"/>
        <source>Processing: {done} of {total} tile(s) done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="306"/>
        <source>Analysed: {estimate}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="311"/>
        <source>Not started: start it from Batch requests when you want.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="318"/>
        <source>Start the batch request?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="318"/>
        <source>Sentinel Hub estimates {estimate}.

Start processing now? The processing units are charged to your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="339"/>
        <source>Starting the batch request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="345"/>
        <source>{n} tile(s) failed and are missing from the mosaic: {which}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="388"/>
        <source>Mosaic of {n} tile(s) from s3://{bucket} loaded ({state}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="394"/>
        <source>{n} tile(s) in another CRS are not in the mosaic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="402"/>
        <source>Reading the tiles from the bucket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="454"/>
        <source>Sentinel Hub cancelled the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="40"/>
        <source>Batch requests of the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="54"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="55"/>
        <source>Start…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="56"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="57"/>
        <source>Load mosaic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="58"/>
        <source>Restart failed tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="141"/>
        <source>Make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="84"/>
        <source>Image (Process API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="87"/>
        <source>Request imagery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="98"/>
        <source>Large: {n} tiles of up to {side} px, put together here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="102"/>
        <source>The Async API makes it in one request (up to {async_px} px a side).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="109"/>
        <source>Beyond {async_px} px a side ({px} px here): Large area (Batch Processing API) makes it on Sentinel Hub&apos;s side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_chart.py" line="136"/>
        <source>No statistics to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_chart.py" line="237"/>
        <source>no valid pixel (masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_chart.py" line="247"/>
        <source>{n} valid pixel(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="51"/>
        <source>EO Explorer – Time series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="78"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="79"/>
        <source>Add as table layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="80"/>
        <source>Join to polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="81"/>
        <source>Adds to each polygon the last interval with valid pixels (ts_from, ts_mean, ts_stdev, ts_valid) and the whole series as JSON (ts_series).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="176"/>
        <source>Saved {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="181"/>
        <source>Export the time series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="181"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="191"/>
        <source>Added the table layer {name} ({n} rows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="211"/>
        <source>The polygons layer of these statistics is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="214"/>
        <source>Wrote the series of {n} polygon(s) to {layer} (fields ts_*).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="140"/>
        <source>mean ± standard deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="141"/>
        <source>{low}–{high} % percentiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="157"/>
        <source>Time series (Statistical API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="160"/>
        <source>Compute time series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="178"/>
        <source>left out when it does not fit the dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="178"/>
        <source>shortened to the end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="178"/>
        <source>extended past the end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="189"/>
        <source>The Statistical API counts only the pixels where the evalscript&apos;s dataMask output is 1 (clouds and no data left out): choose a preset &quot;with dataMask&quot; or add such an output to your script. The resolution is the form&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="106"/>
        <source>Interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="200"/>
        <source>Band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="201"/>
        <source>Last interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="67"/>
        <source>optional: s3://bucket/folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="203"/>
        <source>With several polygons selected: one Batch Statistical request for all of them, the polygons and results in this bucket folder (its account under Accounts…). Empty: one request per polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="203"/>
        <source>An IAM role Sentinel Hub may assume to read and write the bucket: no key leaves QGIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="203"/>
        <source>Sends the access and secret key of the bucket&apos;s account to Sentinel Hub with the request, so that it can read the polygons and write the results. Without an IAM role, Sentinel Hub needs them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="321"/>
        <source>Time series: {n} interval(s) for {a} area(s), one Batch Statistical request (results through the bucket folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="325"/>
        <source>Time series: {n} interval(s) for {a} area(s), one request per area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="366"/>
        <source>Set up the account of the bucket {bucket} under Accounts… (endpoint, region and keys): the polygons go there and the statistics are read from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="415"/>
        <source>Asking {host} for the statistics of {n} area(s) in one batch request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="430"/>
        <source>This account has no Batch Statistical API: the statistics are computed with one request per polygon instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="449"/>
        <source>Batch Statistical request: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="463"/>
        <source>Asking {host} for the statistics of {n} area(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="473"/>
        <source>{done} of {total} area(s) done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="491"/>
        <source>The statistics failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="497"/>
        <source>Cancelled after {n} area(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="56"/>
        <source>Sentinel Hub async process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="62"/>
        <source>Sends ONE request to the Sentinel Hub Async Process API (up to {0} × {0} pixels, no tiling), which writes the image to your S3 bucket as &amp;lt;bucket folder&amp;gt;/&amp;lt;request id&amp;gt;/default.tif; follows it until it ends and copies the image to &lt;b&gt;Image&lt;/b&gt;.

&lt;b&gt;Bucket folder&lt;/b&gt;: s3://bucket/folder; the bucket's account (EO Explorer ▸ Accounts) lets QGIS read the result.
&lt;b&gt;IAM role ARN&lt;/b&gt;: a role Sentinel Hub may assume to write there (no key leaves QGIS), or tick &lt;b&gt;Let Sentinel Hub use this bucket's keys&lt;/b&gt;.
Cancel stops following only: the Async API cannot cancel a request, which keeps running and still writes its result.

The other parameters are those of Sentinel Hub Process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="104"/>
        <source>Bucket folder (s3://bucket/folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="88"/>
        <source>IAM role ARN Sentinel Hub assumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="98"/>
        <source>Async request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="99"/>
        <source>Result in the bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="148"/>
        <source>One Async request of {0} × {1} px in EPSG:{2}, delivered to {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="164"/>
        <source>Saved {0} from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="64"/>
        <source>Sentinel Hub batch process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="67"/>
        <source>A large area on Sentinel Hub&apos;s own engine (Batch Processing API): the area is cut on a tiling grid, and the tiles are written as COGs to your bucket (s3://bucket/folder; its policy must let Sentinel Hub write there, no key is sent). The request is analysed and its tile count and cost reported; it is started only when &apos;Start after analysis&apos; is checked, then followed to its end, and the tiles are gathered in one VRT read with the bucket&apos;s S3 account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="84"/>
        <source>Tiling grid and resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="97"/>
        <source>Start after analysis (costs processing units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="102"/>
        <source>Mosaic (VRT of the tiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="112"/>
        <source>Batch request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="113"/>
        <source>Batch request state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="114"/>
        <source>Tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="115"/>
        <source>Estimated processing units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="156"/>
        <source>Analysed: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="163"/>
        <source>Not started: check &apos;Start after analysis&apos; to start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="172"/>
        <source>Tile {0} failed: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="188"/>
        <source>Cancelled; the request goes on at Sentinel Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="211"/>
        <source>Sentinel Hub batch statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="66"/>
        <source>sentinel hub,statistical api,batch statistical,time series,ndvi,fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="71"/>
        <source>Statistics (mean, standard deviation, min, max, percentiles 10/50/90) of an evalscript's output per time interval, for every polygon of a layer, with Sentinel Hub's Batch Statistical API.

The polygons are written as a GeoPackage into the &lt;b&gt;bucket folder&lt;/b&gt; (s3://bucket/folder, with its account under EO Explorer ▸ Accounts); Sentinel Hub reads them there and writes one result file per polygon beside them. It needs access to the bucket: an &lt;b&gt;IAM role ARN&lt;/b&gt;, or tick &lt;b&gt;Let Sentinel Hub use this bucket's keys&lt;/b&gt; to send the bucket's keys with the request.
The evalscript needs a dataMask output. &lt;b&gt;Resolution&lt;/b&gt; in metres (the polygons are sent in the UTM zone of the layer).
An account without Batch Statistical (enterprise plans) gets the same series with one Statistical request per polygon.
&lt;b&gt;Output&lt;/b&gt;: one feature per polygon, interval, output and band, with the polygon's attributes and geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="107"/>
        <source>IAM role ARN Sentinel Hub may assume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="117"/>
        <source>Polygons with their series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="135"/>
        <source>The bucket folder must be an S3 URL: s3://bucket/folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="146"/>
        <source>Set up the {0} account (endpoint, region, access and secret key) under Accounts… so that the polygons can be written to the bucket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="248"/>
        <source>The layer has no polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="215"/>
        <source>Cancelled: the Batch Statistical request was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="223"/>
        <source>Polygon {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="225"/>
        <source>Batch Statistical request {0}; results in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="68"/>
        <source>Sentinel Hub statistics (time series)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="91"/>
        <source>Polygons (one series each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="99"/>
        <source>Extent (without polygons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="111"/>
        <source>Percentiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="116"/>
        <source>Last interval that does not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="122"/>
        <source>CRS (empty: UTM zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="126"/>
        <source>Statistics table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="131"/>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="131"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="157"/>
        <source>The polygons layer has no polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="161"/>
        <source>Give polygons or an extent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="165"/>
        <source>extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="196"/>
        <source>{0} polygon(s), one Statistical API request each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="125"/>
        <source>Could not write the polygons to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="135"/>
        <source>Feature {0} has no readable geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="166"/>
        <source>The polygons could not be written to the bucket: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="149"/>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="164"/>
        <source>the upload failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="166"/>
        <source>the upload stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="194"/>
        <source>Its statistics failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="254"/>
        <source>The bucket folder {0} is not an S3 URL (s3://bucket/folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="281"/>
        <source>Writing {0} polygon(s) to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="292"/>
        <source>Batch Statistical request: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="310"/>
        <source>Stopping the request failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="313"/>
        <source>The Batch Statistical request ended: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="356"/>
        <source>No statistics were written for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="362"/>
        <source>Statistics of {0} polygons read from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="383"/>
        <source>It has no readable geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks_action.py" line="85"/>
        <source>Show quicklooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks_action.py" line="85"/>
        <source>Hide quicklooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="74"/>
        <source>Statistics of an evalscript&apos;s output per time interval (Sentinel Hub Statistical API): mean, standard deviation, minimum, maximum, percentiles and pixel counts, for each polygon of the area layer (one request each) or for the extent. The evalscript needs an output with id dataMask, which says which pixels count (the presets &quot;with dataMask&quot; have one). The table has one row per polygon, interval and band. Intervals without any acquisition are not listed; an interval whose pixels are all masked (clouds, no data) has a row with empty statistics.</source>
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
        <location filename="../ui/accounts_dialog.ui" line="46"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="47"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="48"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="58"/>
        <source>Secrets are kept in the QGIS authentication database, protected by your master password; EO Explorer&apos;s settings hold only a reference to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="32"/>
        <source>Bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="33"/>
        <source>the bucket name in s3://bucket/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="34"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="35"/>
        <source>us-east-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="38"/>
        <source>Public bucket (no keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="39"/>
        <source>Requester pays</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssetsPanel</name>
    <message>
        <location filename="../ui/assets_panel.ui" line="15"/>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="16"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="22"/>
        <source>Tick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="23"/>
        <source>Tick this asset in every selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="24"/>
        <source>in all items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="34"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="34"/>
        <source>Download the ticked assets and load the rasters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="35"/>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="35"/>
        <source>Open the ticked Cloud-Optimized GeoTIFFs without downloading them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="36"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="17"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="29"/>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="29"/>
        <source>Files are saved as &lt;collection&gt;/&lt;item id&gt;/&lt;file&gt; under this folder</source>
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
        <location filename="../ui/process_dock.ui" line="20"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="24"/>
        <source>Accounts: Sentinel Hub, Sentinel Hub on Copernicus Data Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="24"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="27"/>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="31"/>
        <source>BYOC collection id, e.g. 017aa0ae-33a6-45d3-8548-0f7d1041b40c</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="34"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="37"/>
        <source>Current map extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="40"/>
        <source>Polygon drawn on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="41"/>
        <source>Click vertices on the map; right-click or double-click to finish. Drag a vertex to edit, Backspace removes the last one, Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="41"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="44"/>
        <source>Selected features of a layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="46"/>
        <source>The footprints selected in a search result layer (the Search dock&apos;s table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="46"/>
        <source>Selected search footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="49"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="53"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="57"/>
        <source>Mosaicking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="58"/>
        <source>Which acquisition is on top where several cover a pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="59"/>
        <source>Max. cloud cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="60"/>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="61"/>
        <source>Resampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="64"/>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="66"/>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="72"/>
        <source>Sentinel-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="74"/>
        <source>Polarization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="76"/>
        <source>Backscatter coefficient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="78"/>
        <source>Orthorectify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="79"/>
        <source>Speckle filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="84"/>
        <source>Elevation model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="86"/>
        <source>Evalscript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="92"/>
        <source>Load an evalscript from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="92"/>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="93"/>
        <source>Save the evalscript to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="93"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="100"/>
        <source>Output CRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="103"/>
        <source>UTM zone of the area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="106"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="112"/>
        <source>Pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="115"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="116"/>
        <source> m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="117"/>
        <source>Width × height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="120"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="123"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="132"/>
        <source>Request imagery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="133"/>
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
        <location filename="../ui/search_dock.ui" line="40"/>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="44"/>
        <source>Add, edit or remove catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="48"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="53"/>
        <source>Type to filter collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="54"/>
        <source>Read the catalog&apos;s collections again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="61"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="68"/>
        <source>Click vertices on the map; right-click or double-click to finish. Drag a vertex to edit, Backspace removes the last one, Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="68"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="75"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="78"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="80"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="86"/>
        <source>Cloud cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="89"/>
        <source>at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="90"/>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="94"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="96"/>
        <source>Max. items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="109"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="110"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="45"/>
        <source>Accounts: Sentinel Hub, Copernicus Data Space, Constellr, ESA MAAP, custom catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="45"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="140"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="161"/>
        <source>Assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="16"/>
        <source>Show or hide the search form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="64"/>
        <source>Map extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="67"/>
        <source>Drawn polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="71"/>
        <source>Selected features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="82"/>
        <source>Map time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="82"/>
        <source>Use the time the map shows: the Temporal Controller's range when it is on, else the project's time range (Project ▸ Properties ▸ Temporal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="83"/>
        <source>Dates with data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="83"/>
        <source>Sentinel Hub Catalog: the dates with images for the chosen collection, area and dates, in bold in the calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="95"/>
        <source>CQL2, e.g. platform = &apos;sentinel-2a&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="95"/>
        <source>A CQL2 text filter, e.g. platform = &apos;sentinel-2a&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="100"/>
        <source>Which items a search brings first, and so which ones the maximum keeps (for catalogs that can sort)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="120"/>
        <source>Best cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="120"/>
        <source>Select the fewest, least cloudy footprints that cover the search area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="121"/>
        <source>Quicklooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="121"/>
        <source>Show the previews of the selected footprints (or of those in the map view) on the map, under the outlines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
