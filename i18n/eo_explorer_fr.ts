<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <location filename="../plugin/gui/search_dock.py" line="44"/>
        <source>EO Explorer – Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="142"/>
        <source>{title} needs {account}. Accounts are not set up in EO Explorer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="162"/>
        <source>Reading collections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="178"/>
        <source>Collections could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="200"/>
        <source>{n} collections. Tick one or more; none ticked searches them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="207"/>
        <source>This catalog does not support CQL2 filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="236"/>
        <source>The chosen collections have no eo:cloud_cover property.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="274"/>
        <source>Draw a polygon on the map first (Draw button).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="279"/>
        <source>Select one or more polygons in a layer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="327"/>
        <source>Searching {title}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="332"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="336"/>
        <source>{count} items from {pages} page(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="338"/>
        <source> — {matched} match in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="356"/>
        <source>The search failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="373"/>
        <source>{count} items on the map from {pages} page(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="377"/>
        <source>The catalog has {n} matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="379"/>
        <source>Cancelled: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="382"/>
        <source>No items match this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="386"/>
        <source>This catalog cannot filter by cloud cover; EO Explorer dropped {n} cloudier items itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_dock.py" line="396"/>
        <source>{n} items could not be drawn and were left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="26"/>
        <source>EO Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="52"/>
        <source>EO Explorer Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="55"/>
        <source>Search Earth-observation catalogs from the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="134"/>
        <source>The Search dock could not be opened; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="29"/>
        <source>EO Explorer: search Earth-observation catalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="48"/>
        <source>The Processing algorithms of EO Explorer are not available: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="55"/>
        <source>No catalog given: enter a catalog id or a STAC API URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="62"/>
        <source>Unknown catalog &quot;{0}&quot;. Use one of {1} or the URL of a STAC API (starting with http:// or https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="88"/>
        <source>Search catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="97"/>
        <source>stac,search,catalog,satellite,footprints,earth observation,cdse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="100"/>
        <source>Searches an Earth-observation catalog (a STAC API) and writes the footprints of the items found as a polygon layer in EPSG:4326, one feature per item.

&lt;b&gt;Catalog&lt;/b&gt;: the id of a catalog known to EO Explorer (for example cdse, or sandbox when the local test catalog runs) or the URL of any STAC API landing page. Catalogs that need an account cannot be searched from Processing yet.
&lt;b&gt;Collections&lt;/b&gt;: collection ids separated by commas, for example sentinel-2-l2a. Leave empty to search every collection.
&lt;b&gt;Extent&lt;/b&gt; and &lt;b&gt;Area&lt;/b&gt;: where to search. The area layer&apos;s polygons (only the selected ones when &quot;Selected features only&quot; is ticked) win over the extent. With neither, the whole world is searched.
&lt;b&gt;Start date&lt;/b&gt; and &lt;b&gt;End date&lt;/b&gt;: both days are included (UTC).
&lt;b&gt;Maximum cloud cover&lt;/b&gt;: in percent; items without cloud cover are kept. Catalogs that cannot filter by cloud cover are filtered after download.
&lt;b&gt;CQL2 filter&lt;/b&gt;: an extra filter in CQL2 text, for catalogs that support the STAC Filter extension, for example &quot;platform = &apos;sentinel-2a&apos;&quot;.
&lt;b&gt;Maximum number of items&lt;/b&gt;: the search stops after this many footprints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="124"/>
        <source>Catalog (id or STAC API URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="131"/>
        <source>Collections (comma-separated ids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="136"/>
        <source>Search extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="139"/>
        <source>Search area (polygon layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="147"/>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="155"/>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="160"/>
        <source>Maximum cloud cover (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="170"/>
        <source>CQL2 filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="173"/>
        <source>Maximum number of items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="182"/>
        <source>Footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="187"/>
        <source>Number of footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="188"/>
        <source>Number of items the catalog matched (-1 if unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="210"/>
        <source>The {0} is not a date; use the form 2024-06-30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="232"/>
        <source>The search area layer has no polygon to search with (with &quot;Selected features only&quot;, select at least one polygon).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="239"/>
        <source>Both an extent and an area layer are given: the area layer is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="253"/>
        <source>The search extent cannot be expressed in longitude and latitude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="312"/>
        <source>Searching {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="316"/>
        <source>This catalog cannot filter by cloud cover; items above the limit are dropped after download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="323"/>
        <source>page {0}: {1} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="326"/>
        <source>The catalog matched {0} items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="333"/>
        <source>Item {0} skipped: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="361"/>
        <source>{0} more items skipped because they cannot be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="367"/>
        <source>{0} items above the cloud cover limit were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="371"/>
        <source>Cancelled: the output holds the {0} footprints found so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="375"/>
        <source>The catalog did not say how many items match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="376"/>
        <source>{0} footprints written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="310"/>
        <source>Searching {0}</source>
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
        <location filename="../ui/catalogs_dialog.ui" line="16"/>
        <source>https://example.com/stac/</source>
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
        <location filename="../ui/search_dock.ui" line="26"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="29"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="34"/>
        <source>Type to filter collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="35"/>
        <source>Read the catalog&apos;s collections again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="35"/>
        <source>⟳</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="42"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="45"/>
        <source>Current map extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="48"/>
        <source>Polygon drawn on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="49"/>
        <source>Click vertices on the map; right-click or double-click to finish. Drag a vertex to edit, Backspace removes the last one, Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="49"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="52"/>
        <source>Selected features of a layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="56"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="59"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="62"/>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="61"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="65"/>
        <source>Cloud cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="68"/>
        <source>at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="69"/>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="73"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="74"/>
        <source>CQL2 text, e.g. platform = &apos;sentinel-2a&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="75"/>
        <source>Max. items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="79"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="80"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
