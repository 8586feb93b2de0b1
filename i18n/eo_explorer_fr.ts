<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="151"/>
        <source>The catalog does not give the size; it shows once the download starts.</source>
        <translation>Le catalogue ne donne pas la taille ; elle s’affiche dès le début du téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="166"/>
        <source>QGIS opens it as a raster layer.</source>
        <translation>QGIS l’ouvre comme couche raster.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="168"/>
        <source>Roles: {roles}</source>
        <translation>Rôles : {roles}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="274"/>
        <source>on disk</source>
        <translation>déjà sur le disque</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="288"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="293"/>
        <source>{n} already on the map.</source>
        <translation>{n} déjà sur la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="55"/>
        <source>Too large for {products}: at most {limit}.</source>
        <translation>Trop grande pour {products} : au plus {limit}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="55"/>
        <source>Too small for {products}: at least {limit}.</source>
        <translation>Trop petite pour {products} : au moins {limit}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="67"/>
        <source>{first} and {last}</source>
        <translation>{first} et {last}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/catalogs_dialog.py" line="64"/>
        <source>Needs {account}.</source>
        <translation>Nécessite {account}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/catalogs_dialog.py" line="90"/>
        <source>My catalog</source>
        <translation>Mon catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="71"/>
        <source>EO Explorer – Search</source>
        <translation>EO Explorer – Recherche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="529"/>
        <source>Reading collections…</source>
        <translation>Lecture des collections…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="550"/>
        <source>Collections could not be read.</source>
        <translation>Les collections n'ont pas pu être lues.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="593"/>
        <source>{n} collections. Tick one or more; none ticked searches them all.</source>
        <translation>{n} collections. Cochez-en une ou plusieurs ; si aucune n'est cochée, la recherche porte sur toutes.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="601"/>
        <source>This catalog does not support CQL2 filters</source>
        <translation>Ce catalogue ne prend pas en charge les filtres CQL2</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="642"/>
        <source>The chosen collections have no eo:cloud_cover property.</source>
        <translation>Les collections choisies n'ont pas de propriété eo:cloud_cover.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="326"/>
        <source>Draw a polygon on the map first (Draw button).</source>
        <translation>Dessinez d'abord un polygone sur la carte (bouton Dessiner).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="704"/>
        <source>Select one or more polygons in a layer first.</source>
        <translation>Sélectionnez d'abord un ou plusieurs polygones dans une couche.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="769"/>
        <source>Searching {title}…</source>
        <translation>Recherche dans {title}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="407"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="780"/>
        <source>{count} items from {pages} page(s)</source>
        <translation>{count} éléments sur {pages} page(s)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="784"/>
        <source> — {matched} match in the catalog</source>
        <translation> — {matched} correspondance(s) dans le catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="838"/>
        <source>The search failed.</source>
        <translation>La recherche a échoué.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1043"/>
        <source>{count} items on the map from {pages} page(s).</source>
        <translation>{count} éléments sur la carte, issus de {pages} page(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1047"/>
        <source>The catalog has {n} matches.</source>
        <translation>Le catalogue compte {n} correspondances.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1051"/>
        <source>Cancelled: </source>
        <translation>Annulé : </translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="851"/>
        <source>No items match this search.</source>
        <translation>Aucun élément ne correspond à cette recherche.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="855"/>
        <source>This catalog cannot filter by cloud cover; EO Explorer dropped {n} cloudier items itself.</source>
        <translation>Ce catalogue ne sait pas filtrer par couverture nuageuse ; EO Explorer a lui-même écarté {n} éléments trop nuageux.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="865"/>
        <source>{n} items could not be drawn and were left out</source>
        <translation>{n} éléments n'ont pas pu être dessinés et ont été écartés</translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="23"/>
        <source>EO Explorer</source>
        <translation>EO Explorer</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/entry.py" line="13"/>
        <source>Search Earth-observation catalogs from the map</source>
        <translation>Rechercher dans les catalogues d'observation de la Terre depuis la carte</translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="26"/>
        <source>EO Explorer: search Earth-observation catalogs</source>
        <translation>EO Explorer : rechercher dans les catalogues d'observation de la Terre</translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="55"/>
        <source>The Processing algorithms of EO Explorer are not available: {0}</source>
        <translation>Les algorithmes de traitement d'EO Explorer ne sont pas disponibles : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="56"/>
        <source>No catalog given: enter a catalog id or a STAC API URL.</source>
        <translation>Aucun catalogue indiqué : saisissez l'identifiant d'un catalogue ou l'URL d'une API STAC.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="63"/>
        <source>Unknown catalog &quot;{0}&quot;. Use one of {1} or the URL of a STAC API (starting with http:// or https://).</source>
        <translation>Catalogue « {0} » inconnu. Utilisez l'un des catalogues {1} ou l'URL d'une API STAC (commençant par http:// ou https://).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="107"/>
        <source>Search catalog</source>
        <translation>Rechercher dans un catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="116"/>
        <source>stac,search,catalog,satellite,footprints,earth observation,cdse</source>
        <translation>stac,recherche,catalogue,satellite,empreintes,observation de la Terre,cdse</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="146"/>
        <source>Catalog (id or STAC API URL)</source>
        <translation>Catalogue (identifiant ou URL d'une API STAC)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="153"/>
        <source>Collections (comma-separated ids)</source>
        <translation>Collections (identifiants séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="158"/>
        <source>Search extent</source>
        <translation>Emprise de recherche</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="161"/>
        <source>Search area (polygon layer)</source>
        <translation>Zone de recherche (couche de polygones)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="62"/>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="62"/>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="90"/>
        <source>Maximum cloud cover (%)</source>
        <translation>Couverture nuageuse maximale (%)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="192"/>
        <source>CQL2 filter</source>
        <translation>Filtre CQL2</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="195"/>
        <source>Maximum number of items</source>
        <translation>Nombre maximal d'éléments</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="218"/>
        <source>Footprints</source>
        <translation>Empreintes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="223"/>
        <source>Number of footprints</source>
        <translation>Nombre d'empreintes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="224"/>
        <source>Number of items the catalog matched (-1 if unknown)</source>
        <translation>Nombre d'éléments correspondants dans le catalogue (-1 si inconnu)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="246"/>
        <source>The {0} is not a date; use the form 2024-06-30.</source>
        <translation>Le paramètre « {0} » n'est pas une date ; utilisez la forme 2024-06-30.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="268"/>
        <source>The search area layer has no polygon to search with (with &quot;Selected features only&quot;, select at least one polygon).</source>
        <translation>La couche de zone de recherche n'a aucun polygone à utiliser (avec « Entité(s) sélectionnée(s) uniquement », sélectionnez au moins un polygone).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="275"/>
        <source>Both an extent and an area layer are given: the area layer is used.</source>
        <translation>Une emprise et une couche de zone sont toutes deux indiquées : la couche de zone est utilisée.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="289"/>
        <source>The search extent cannot be expressed in longitude and latitude.</source>
        <translation>L'emprise de recherche ne peut pas être exprimée en longitude et latitude.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="373"/>
        <source>Searching {0} ({1})</source>
        <translation>Recherche dans {0} ({1})</translation>
    </message>
    <message>
        <location filename="../plugin/search/workflow.py" line="100"/>
        <source>This catalog cannot filter by cloud cover; items above the limit are dropped after download.</source>
        <translation>Ce catalogue ne sait pas filtrer par couverture nuageuse ; les éléments au-delà de la limite sont écartés après le téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/search/workflow.py" line="119"/>
        <source>page {0}: {1} items</source>
        <translation>page {0} : {1} éléments</translation>
    </message>
    <message>
        <location filename="../plugin/search/workflow.py" line="122"/>
        <source>The catalog matched {0} items.</source>
        <translation>Le catalogue compte {0} éléments correspondants.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="385"/>
        <source>Item {0} skipped: {1}</source>
        <translation>Élément {0} ignoré : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="389"/>
        <source>{0} more items skipped because they cannot be drawn.</source>
        <translation>{0} éléments supplémentaires ignorés, car ils ne peuvent pas être dessinés.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="395"/>
        <source>{0} items above the cloud cover limit were dropped.</source>
        <translation>{0} éléments au-delà de la limite de couverture nuageuse ont été écartés.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="399"/>
        <source>Cancelled: the output holds the {0} footprints found so far.</source>
        <translation>Annulé : la sortie contient les {0} empreintes trouvées jusqu'ici.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="403"/>
        <source>The catalog did not say how many items match.</source>
        <translation>Le catalogue n'a pas indiqué combien d'éléments correspondent.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="404"/>
        <source>{0} footprints written.</source>
        <translation>{0} empreintes écrites.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="371"/>
        <source>Searching {0}</source>
        <translation>Recherche dans {0}</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="58"/>
        <source>There is no polygon.</source>
        <translation>Il n'y a aucun polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="60"/>
        <source>An area of interest must be a polygon.</source>
        <translation>Une zone d'intérêt doit être un polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="63"/>
        <source>This feature has {n} parts, but a Constellr area of interest is one polygon. Split it (Vector ▸ Geometry Tools ▸ Multipart to Singleparts) and create one area per part.</source>
        <translation>Cette entité compte {n} parties, mais une zone d'intérêt Constellr est un seul polygone. Scindez-la (Vecteur ▸ Outils de géométrie ▸ De morceaux multiples à morceaux uniques) et créez une zone par partie.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="72"/>
        <source>This polygon crosses the antimeridian (180°), so it would become two polygons; Constellr takes one per area of interest. Draw one on each side.</source>
        <translation>Ce polygone traverse l'antiméridien (180°) et deviendrait donc deux polygones ; Constellr n'en accepte qu'un par zone d'intérêt. Dessinez-en un de chaque côté.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="87"/>
        <source>The map extent crosses the antimeridian (180°), so it would become two polygons; Constellr takes one per area of interest. Pan to one side.</source>
        <translation>L'emprise de la carte traverse l'antiméridien (180°) et deviendrait donc deux polygones ; Constellr n'en accepte qu'un par zone d'intérêt. Déplacez la carte d'un seul côté.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="99"/>
        <source>Select one polygon in a layer first.</source>
        <translation>Sélectionnez d'abord un polygone dans une couche.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="102"/>
        <source>{n} features are selected, but an area of interest is one polygon. Select one, or create orders for every feature with the Processing algorithm &apos;Create Constellr orders&apos;.</source>
        <translation>{n} entités sont sélectionnées, mais une zone d'intérêt est un seul polygone. Sélectionnez-en une seule, ou créez des commandes pour chaque entité avec l'algorithme de traitement « Créer des commandes Constellr ».</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/layers.py" line="150"/>
        <source>Constellr areas of interest</source>
        <translation>Zones d'intérêt Constellr</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="80"/>
        <source>Catalog: {title}</source>
        <translation>Catalogue : {title}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="138"/>
        <source>How this STAC API wants requests to be authenticated.</source>
        <translation>Mode d'authentification des requêtes attendu par cette API STAC.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="174"/>
        <source>Sandbox: client id {id}, secret {secret}.</source>
        <translation>Bac à sable : identifiant client {id}, secret {secret}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="180"/>
        <source>Sandbox: API key {key}.</source>
        <translation>Bac à sable : clé d'API {key}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="202"/>
        <source>Username</source>
        <translation>Nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="224"/>
        <source>S3 endpoint</source>
        <translation>Point de terminaison S3</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="224"/>
        <source>Token URL</source>
        <translation>URL du jeton</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="277"/>
        <source>Fill in every field first.</source>
        <translation>Remplissez d'abord tous les champs.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="294"/>
        <source>Saved in the QGIS authentication database.</source>
        <translation>Enregistré dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="309"/>
        <source>Removed.</source>
        <translation>Supprimé.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="322"/>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="141"/>
        <source>Download folder</source>
        <translation>Dossier de téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="202"/>
        <source>Tick the assets to download first.</source>
        <translation>Cochez d'abord les ressources à télécharger.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="165"/>
        <source>Choose a download folder first.</source>
        <translation>Choisissez d'abord un dossier de téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="177"/>
        <source>Downloading {n} file(s)…</source>
        <translation>Téléchargement de {n} fichier(s)…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="274"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="291"/>
        <source>{n} raster layer(s) added.</source>
        <translation>{n} couche(s) raster ajoutée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="307"/>
        <source>{key} is not a raster</source>
        <translation>{key} n'est pas un raster</translation>
    </message>
    <message>
        <location filename="../plugin/gui/assets/panel.py" line="315"/>
        <source>{n} layer(s) streamed.</source>
        <translation>{n} couche(s) ouverte(s) en flux.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="53"/>
        <source>Suits {products}.</source>
        <translation>Convient à {products}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="141"/>
        <source>Measuring…</source>
        <translation>Mesure en cours…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="143"/>
        <source>measure the area</source>
        <translation>mesurer la zone</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="211"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="157"/>
        <source>Bounding box {size}, area {ha} ha.</source>
        <translation>Rectangle englobant {size}, superficie {ha} ha.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="169"/>
        <source>Give the area a name first.</source>
        <translation>Donnez d'abord un nom à la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="172"/>
        <source>An area called {name} already exists; choose another name.</source>
        <translation>Une zone nommée {name} existe déjà ; choisissez un autre nom.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="178"/>
        <source>Measure the area first.</source>
        <translation>Mesurez d'abord la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="182"/>
        <source>Creating {name}…</source>
        <translation>Création de {name}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="183"/>
        <source>create an area of interest</source>
        <translation>créer une zone d'intérêt</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="201"/>
        <source>{name} created ({size}); it is ticked in New order.</source>
        <translation>{name} créée ({size}) ; elle est cochée dans Nouvelle commande.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="288"/>
        <source>Select an area in the list first.</source>
        <translation>Sélectionnez d'abord une zone dans la liste.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="290"/>
        <source>Delete the area of interest {name}?</source>
        <translation>Supprimer la zone d'intérêt {name} ?</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="292"/>
        <source>delete an area of interest</source>
        <translation>supprimer une zone d'intérêt</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/areas.py" line="302"/>
        <source>{name} deleted.</source>
        <translation>{name} supprimée.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="244"/>
        <source>EO Explorer – Constellr</source>
        <translation>EO Explorer – Constellr</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="174"/>
        <source>Constellr API: {url}</source>
        <translation>API Constellr : {url}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="141"/>
        <source>EO Explorer: {what}</source>
        <translation>EO Explorer : {what}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="175"/>
        <source>Constellr products and areas</source>
        <translation>Produits et zones Constellr</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="169"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="254"/>
        <source>Constellr</source>
        <translation>Constellr</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/messages.py" line="21"/>
        <source>Check the {title} account.</source>
        <translation>Vérifiez le compte {title}.</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="89"/>
        <source>Accounts…</source>
        <translation>Comptes…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/entry.py" line="11"/>
        <source>Constellr: areas of interest, tasking orders and delivered LST</source>
        <translation>Constellr : zones d'intérêt, commandes de programmation et LST livrées</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="68"/>
        <source>order</source>
        <translation>commande</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="273"/>
        <source>area</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="69"/>
        <source>Deliveries for the {what} {title}</source>
        <translation>Livraisons de la {what} {title}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="73"/>
        <source>Searching the Constellr catalog…</source>
        <translation>Recherche dans le catalogue Constellr…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="83"/>
        <source>Constellr deliveries</source>
        <translation>Livraisons Constellr</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="116"/>
        <source>Nothing delivered yet.</source>
        <translation>Rien n'a encore été livré.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="118"/>
        <source>Constellr deliveries · {title}</source>
        <translation>Livraisons Constellr · {title}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="120"/>
        <source>{n} delivered image(s); their footprints are on the map.</source>
        <translation>{n} image(s) livrée(s) ; leurs empreintes sont sur la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="142"/>
        <source>Find and tick the deliveries to open first.</source>
        <translation>Recherchez et cochez d'abord les livraisons à ouvrir.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="151"/>
        <source>{n} LST layer(s) opened, in {unit}.</source>
        <translation>{n} couche(s) LST ouverte(s), en {unit}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="162"/>
        <source>Find and tick the deliveries to download first.</source>
        <translation>Recherchez et cochez d'abord les livraisons à télécharger.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/deliveries.py" line="199"/>
        <source>{n} LST layer(s) added, in {unit}.</source>
        <translation>{n} couche(s) LST ajoutée(s), en {unit}.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="143"/>
        <source>day or night</source>
        <translation>jour ou nuit</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="143"/>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="143"/>
        <source>night</source>
        <translation>nuit</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="119"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="245"/>
        <source>{n} orders, sent in {b} batches of at most {m}.</source>
        <translation>{n} commandes, envoyées en {b} lots d'au plus {m}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="249"/>
        <source>{n} order(s) in one batch.</source>
        <translation>{n} commande(s) en un seul lot.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="260"/>
        <source>Nothing was sent: fix the fields marked in red first.</source>
        <translation>Rien n'a été envoyé : corrigez d'abord les champs signalés en rouge.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="264"/>
        <source>Nothing was sent.</source>
        <translation>Rien n'a été envoyé.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="312"/>
        <source>Placing {n} order(s)…</source>
        <translation>Passage de {n} commande(s)…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="313"/>
        <source>place Constellr orders</source>
        <translation>passer des commandes Constellr</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="339"/>
        <source>{n} order(s) placed in {b} batch(es).</source>
        <translation>{n} commande(s) passée(s) en {b} lot(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="76"/>
        <source>Reading the orders…</source>
        <translation>Lecture des commandes…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="77"/>
        <source>Constellr orders</source>
        <translation>Commandes Constellr</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="86"/>
        <source>The orders could not be read.</source>
        <translation>Les commandes n'ont pas pu être lues.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="102"/>
        <source>{n} order(s), read at {time}; read again every {m} minutes.</source>
        <translation>{n} commande(s), lue(s) à {time} ; nouvelle lecture toutes les {m} minutes.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="115"/>
        <source>{n} order(s) changed state: {what}</source>
        <translation>{n} commande(s) ont changé d'état : {what}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="115"/>
        <source> and {n} more.</source>
        <translation> et {n} autre(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="150"/>
        <source>Was {before} at the last look.</source>
        <translation>État lors de la dernière consultation : {before}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="194"/>
        <source>Only orders waiting for validation or rejected.</source>
        <translation>Seulement les commandes en attente de validation ou rejetées.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="201"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="202"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="203"/>
        <source>Rejection reason</source>
        <translation>Motif du rejet</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="124"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="205"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="206"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="207"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="138"/>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="143"/>
        <source>Illumination</source>
        <translation>Éclairement</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="210"/>
        <source>Max. images</source>
        <translation>Images max.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="211"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="163"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="213"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="228"/>
        <source>edit the tags of an order</source>
        <translation>modifier les mots-clés d'une commande</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="243"/>
        <source>Tags saved.</source>
        <translation>Mots-clés enregistrés.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="259"/>
        <source>Delete the {product} order for {area}?</source>
        <translation>Supprimer la commande {product} pour {area} ?</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="264"/>
        <source>delete an order</source>
        <translation>supprimer une commande</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="276"/>
        <source>The order was deleted.</source>
        <translation>La commande a été supprimée.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/orders_table.py" line="289"/>
        <source>Constellr lets you delete only orders waiting for validation or rejected; this one is {state}.</source>
        <translation>Constellr ne permet de supprimer que les commandes en attente de validation ou rejetées ; l'état de celle-ci est {state}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="75"/>
        <source>EO Explorer – Process</source>
        <translation>EO Explorer – Process</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="125"/>
        <source>Custom script</source>
        <translation>Script personnalisé</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="265"/>
        <source>Open an evalscript</source>
        <translation>Ouvrir un evalscript</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="265"/>
        <source>Evalscripts (*.js *.txt);;All files (*)</source>
        <translation>Evalscripts (*.js *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="273"/>
        <source>Save the evalscript</source>
        <translation>Enregistrer l'evalscript</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="273"/>
        <source>Evalscripts (*.js)</source>
        <translation>Evalscripts (*.js)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="335"/>
        <source>Select one or more polygons (or footprints) first.</source>
        <translation>Sélectionnez d'abord un ou plusieurs polygones (ou empreintes).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="376"/>
        <source>Output: </source>
        <translation>Sortie : </translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="380"/>
        <source>Not ready: {reason}</source>
        <translation>Pas prêt : {reason}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="383"/>
        <source>Not ready: the area has no size yet.</source>
        <translation>Pas prêt : la zone n'a pas encore de taille.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/entry.py" line="11"/>
        <source>Sentinel Hub Process API: imagery for an area, loaded as a raster layer</source>
        <translation>Process API de Sentinel Hub : imagerie d'une zone, chargée comme couche raster</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="110"/>
        <source>BYOC collection (byoc-&lt;id&gt;)</source>
        <translation>Collection BYOC (byoc-&lt;id&gt;)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="116"/>
        <source>default (nearest)</source>
        <translation>par défaut (plus proche voisin)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="119"/>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="123"/>
        <source>Products with these polarizations only: DV (VV+VH) and DH (HH+HV) are dual, SV / SH single. The evalscript may read only bands the product has.</source>
        <translation>Seulement les produits ayant ces polarisations : DV (VV+VH) et DH (HH+HV) sont doubles, SV / SH simples. L'evalscript ne peut lire que les bandes présentes dans le produit.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="129"/>
        <source>default (gamma0 ellipsoid)</source>
        <translation>par défaut (gamma0 ellipsoïde)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="133"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="133"/>
        <source>Lee {n} × {n}</source>
        <translation>Lee {n} × {n}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="142"/>
        <source>default (most recent)</source>
        <translation>par défaut (la plus récente)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="147"/>
        <source>This collection has no cloud cover to filter by.</source>
        <translation>Cette collection n'a pas de couverture nuageuse permettant de filtrer.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="152"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="220"/>
        <source>Check the form: </source>
        <translation>Vérifiez le formulaire : </translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/form.py" line="226"/>
        <source>{w} × {h} px of {pixel} in EPSG:{epsg} · {n} request(s) · about {pu} processing units</source>
        <translation>{w} × {h} px de {pixel} en EPSG:{epsg} · {n} requête(s) · environ {pu} unités de traitement</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="99"/>
        <source>Requesting {n} image(s) from {host}…</source>
        <translation>Demande de {n} image(s) à {host}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="113"/>
        <source>{done} of {total} image(s) received</source>
        <translation>{done} image(s) reçue(s) sur {total}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="374"/>
        <source>Cancelled: nothing was saved.</source>
        <translation>Annulé : rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="137"/>
        <source>The request failed.</source>
        <translation>La requête a échoué.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="156"/>
        <source>Saved {file} ({n} request(s), {units} processing units); request in {json}.</source>
        <translation>{file} enregistré ({n} requête(s), {units} unités de traitement) ; requête dans {json}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/run.py" line="166"/>
        <source>{n} image(s) failed after retries and are empty in the result: {which}</source>
        <translation>{n} image(s) en échec après plusieurs tentatives, vide(s) dans le résultat : {which}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="468"/>
        <source> (account)</source>
        <translation> (compte)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="497"/>
        <source>{title} needs {account}. Add it under Accounts… to search it.</source>
        <translation>{title} nécessite {account}. Ajoutez ce compte dans Comptes… pour pouvoir y chercher.</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/styles.py" line="127"/>
        <source>QGIS could not open {path} as a raster.</source>
        <translation>QGIS n'a pas pu ouvrir {path} comme raster.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="68"/>
        <source>Create Constellr orders</source>
        <translation>Créer des commandes Constellr</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="77"/>
        <source>constellr,lst,tasking,order,land surface temperature</source>
        <translation>constellr,lst,programmation,commande,température de surface</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="111"/>
        <source>Polygons</source>
        <translation>Polygones</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="116"/>
        <source>Name field</source>
        <translation>Champ de nom</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="125"/>
        <source>Use case</source>
        <translation>Cas d'usage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="130"/>
        <source>Start date (UTC)</source>
        <translation>Date de début (UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="133"/>
        <source>End date (UTC)</source>
        <translation>Date de fin (UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="151"/>
        <source>Maximum number of images (0: none)</source>
        <translation>Nombre maximal d'images (0 : aucun)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="160"/>
        <source>Tags (comma-separated)</source>
        <translation>Mots-clés (séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="164"/>
        <source>Only check, create nothing</source>
        <translation>Vérifier seulement, ne rien créer</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="174"/>
        <source>Number of orders placed</source>
        <translation>Nombre de commandes passées</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="194"/>
        <source>The {0} is not a date.</source>
        <translation>Le paramètre {0} n'est pas une date.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="236"/>
        <source>{0}: the name is used twice; names must be unique.</source>
        <translation>{0} : le nom est utilisé deux fois ; les noms doivent être uniques.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="242"/>
        <source>Nothing was created. </source>
        <translation>Rien n'a été créé. </translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="244"/>
        <source>The layer has no polygon.</source>
        <translation>La couche n'a aucun polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="306"/>
        <source>{0} order(s) placed.</source>
        <translation>{0} commande(s) passée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="172"/>
        <source>Nothing was ordered: </source>
        <translation>Rien n'a été commandé : </translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="204"/>
        <source>{0}: the existing area of that name is used.</source>
        <translation>{0} : la zone existante portant ce nom est utilisée.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="221"/>
        <source>Checked: the orders are valid. Nothing was created.</source>
        <translation>Vérifié : les commandes sont valides. Rien n'a été créé.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="228"/>
        <source>Cancelled before all areas were created.</source>
        <translation>Annulé avant la création de toutes les zones.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="233"/>
        <source>Area {0} created.</source>
        <translation>Zone {0} créée.</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="118"/>
        <source>Batch {0}: the answer was lost, but its orders are in the order list; nothing was sent twice.</source>
        <translation>Lot {0} : la réponse a été perdue, mais ses commandes figurent dans la liste des commandes ; rien n'a été envoyé deux fois.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="92"/>
        <source>Download assets</source>
        <translation>Télécharger les ressources</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="101"/>
        <source>stac,assets,download,cog,geotiff,raster,satellite,earth observation</source>
        <translation>stac,ressources,téléchargement,cog,geotiff,raster,satellite,observation de la Terre</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="104"/>
        <source>Downloads the assets (files) of the items of a footprints layer made by an EO Explorer search, into &lt;i&gt;folder/collection/item id/&lt;/i&gt;.

&lt;b&gt;Footprints&lt;/b&gt;: a layer from the Search dock or from &quot;Search catalog&quot;; its item_json field describes each item. Tick &quot;Selected features only&quot; to download the assets of the selected footprints only.
&lt;b&gt;Asset keys&lt;/b&gt;: the assets to download, separated by commas, for example visual, lst or B04, B08. Leave empty to download every raster asset (GeoTIFF, COG, JPEG 2000).
&lt;b&gt;Download folder&lt;/b&gt;: where the files go. A download that was cancelled or cut off is resumed by running the algorithm again with the same folder; files are checked against the size and checksum the catalog gives.
&lt;b&gt;Load the rasters&lt;/b&gt;: add the downloaded rasters to the project, styled (true colour, temperature ramp or grey stretch), in the EO Explorer group.

Assets on hosts that need an account use the account set up in EO Explorer ▸ Accounts. Each file that fails is reported as a warning; the algorithm still downloads the others.</source>
        <translation>Télécharge les ressources (fichiers) des éléments d'une couche d'empreintes issue d'une recherche EO Explorer, dans &lt;i&gt;dossier/collection/id de l'élément/&lt;/i&gt;.

&lt;b&gt;Empreintes&lt;/b&gt; : une couche du panneau Recherche ou de « Rechercher dans un catalogue » ; son champ item_json décrit chaque élément. Cochez « Entité(s) sélectionnée(s) uniquement » pour ne télécharger que les ressources des empreintes sélectionnées.
&lt;b&gt;Clés des ressources&lt;/b&gt; : les ressources à télécharger, séparées par des virgules, par exemple visual, lst ou B04, B08. Laissez vide pour télécharger toutes les ressources raster (GeoTIFF, COG, JPEG 2000).
&lt;b&gt;Dossier de téléchargement&lt;/b&gt; : l'emplacement des fichiers. Un téléchargement annulé ou interrompu reprend lorsque l'algorithme est relancé avec le même dossier ; les fichiers sont vérifiés d'après la taille et la somme de contrôle indiquées par le catalogue.
&lt;b&gt;Charger les rasters&lt;/b&gt; : ajouter les rasters téléchargés au projet, avec un style (couleurs naturelles, palette de températures ou étirement en niveaux de gris), dans le groupe EO Explorer.

Les ressources hébergées sur des serveurs qui nécessitent un compte utilisent le compte configuré dans EO Explorer ▸ Comptes. Chaque fichier en échec est signalé par un avertissement ; l'algorithme télécharge quand même les autres.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="127"/>
        <source>Footprints (a layer from an EO Explorer search)</source>
        <translation>Empreintes (une couche issue d'une recherche EO Explorer)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="134"/>
        <source>Asset keys (comma-separated; empty: every raster asset)</source>
        <translation>Clés des ressources (séparées par des virgules ; vide : toutes les ressources raster)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="144"/>
        <source>Load the rasters into the project</source>
        <translation>Charger les rasters dans le projet</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="149"/>
        <source>Files downloaded</source>
        <translation>Fichiers téléchargés</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="150"/>
        <source>Files that failed</source>
        <translation>Fichiers en échec</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="232"/>
        <source>Choose a download folder.</source>
        <translation>Choisissez un dossier de téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="185"/>
        <source>The layer has no {0} field: use a footprints layer made by an EO Explorer search.</source>
        <translation>La couche n'a pas de champ {0} : utilisez une couche d'empreintes issue d'une recherche EO Explorer.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="206"/>
        <source>{0} footprint(s) skipped: their {1} field is not a STAC item.</source>
        <translation>{0} empreinte(s) ignorée(s) : leur champ {1} n'est pas un élément STAC.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="212"/>
        <source>There are no footprints to download assets for (with &quot;Selected features only&quot;, select some footprints first).</source>
        <translation>Il n'y a aucune empreinte dont télécharger les ressources (avec « Entité(s) sélectionnée(s) uniquement », sélectionnez d'abord des empreintes).</translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="276"/>
        <source>None of the {0} item(s) has a raster asset. Their assets: {1}.</source>
        <translation>Aucun des {0} élément(s) n'a de ressource raster. Leurs ressources : {1}.</translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="279"/>
        <source>None of the {0} item(s) has an asset named {1}. Their assets: {2}.</source>
        <translation>Aucun des {0} élément(s) n'a de ressource nommée {1}. Leurs ressources : {2}.</translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="303"/>
        <source>The download folder {0} cannot be created: {1}</source>
        <translation>Le dossier de téléchargement {0} ne peut pas être créé : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="311"/>
        <source>Downloading {0} file(s) of {1} item(s) into {2}</source>
        <translation>Téléchargement de {0} fichier(s) de {1} élément(s) dans {2}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="245"/>
        <source>(resumed after {0} bytes)</source>
        <translation>(reprise après {0} octets)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="246"/>
        <source>{0} · {1}: {2}</source>
        <translation>{0} · {1} : {2}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="250"/>
        <source>Failed: {0}</source>
        <translation>Échec : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="252"/>
        <source>Cancelled. Partly downloaded files are kept (*.part): run the algorithm again with the same folder to resume them.</source>
        <translation>Annulé. Les fichiers partiellement téléchargés sont conservés (*.part) : relancez l'algorithme avec le même dossier pour reprendre leur téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="281"/>
        <source>The rasters are not loaded: not running on the main thread.</source>
        <translation>Les rasters ne sont pas chargés : l'algorithme ne s'exécute pas dans le fil d'exécution principal.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/download_algorithm.py" line="287"/>
        <source>{0} raster layer(s) added to the project.</source>
        <translation>{0} couche(s) raster ajoutée(s) au projet.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="76"/>
        <source>The result could not be styled: {0}</source>
        <translation>Le style n'a pas pu être appliqué au résultat : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="96"/>
        <source>Sentinel Hub Process</source>
        <translation>Sentinel Hub Process</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="105"/>
        <source>sentinel hub,process api,evalscript,ndvi,sentinel-2,sentinel-1,cdse</source>
        <translation>sentinel hub,process api,evalscript,ndvi,sentinel-2,sentinel-1,cdse</translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="49"/>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="53"/>
        <source>Data collection</source>
        <translation>Collection de données</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="135"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="136"/>
        <source>Area (polygon layer)</source>
        <translation>Zone (couche de polygones)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="73"/>
        <source>Evalscript preset</source>
        <translation>Préréglage d'evalscript</translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="74"/>
        <source>Evalscript file (instead of the preset)</source>
        <translation>Fichier evalscript (au lieu du préréglage)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="87"/>
        <source>Mosaicking order</source>
        <translation>Ordre de mosaïquage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="147"/>
        <source>Upsampling</source>
        <translation>Suréchantillonnage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="147"/>
        <source>Downsampling</source>
        <translation>Sous-échantillonnage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="154"/>
        <source>Sentinel-1: orthorectify</source>
        <translation>Sentinel-1 : orthorectifier</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="159"/>
        <source>Sentinel-1: backscatter coefficient</source>
        <translation>Sentinel-1 : coefficient de rétrodiffusion</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="167"/>
        <source>Sentinel-1: Lee speckle filter window (0: none)</source>
        <translation>Sentinel-1 : fenêtre du filtre de speckle de Lee (0 : aucun)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="177"/>
        <source>Sentinel-1: polarization</source>
        <translation>Sentinel-1 : polarisation</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="185"/>
        <source>Elevation model</source>
        <translation>Modèle d'élévation</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="190"/>
        <source>Output CRS (empty: UTM zone)</source>
        <translation>SCR de sortie (vide : fuseau UTM)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/sentinelhub_parameters.py" line="104"/>
        <source>Resolution (m)</source>
        <translation>Résolution (m)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="194"/>
        <source>Width (px)</source>
        <translation>Largeur (px)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="194"/>
        <source>Height (px)</source>
        <translation>Hauteur (px)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="204"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="136"/>
        <source>Requests sent</source>
        <translation>Requêtes envoyées</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="210"/>
        <source>Processing units spent</source>
        <translation>Unités de traitement consommées</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="211"/>
        <source>Request JSON</source>
        <translation>JSON de la requête</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="236"/>
        <source>Unknown evalscript preset.</source>
        <translation>Préréglage d'evalscript inconnu.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="288"/>
        <source>Give an extent or an area layer.</source>
        <translation>Indiquez une emprise ou une couche de zone.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="304"/>
        <source>Unknown endpoint {0}.</source>
        <translation>Point de terminaison {0} inconnu.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="344"/>
        <source>{0} × {1} px in EPSG:{2}, {3} request(s), about {4} processing units</source>
        <translation>{0} × {1} px en EPSG:{2}, {3} requête(s), environ {4} unités de traitement</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="355"/>
        <source>The image is written as a GeoTIFF: use .tif.</source>
        <translation>L'image est écrite au format GeoTIFF : utilisez .tif.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="380"/>
        <source>Tile {0} failed and is empty: {1}</source>
        <translation>La tuile {0} a échoué et est vide : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="383"/>
        <source>Saved {0} and {1}</source>
        <translation>{0} et {1} enregistrés</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dock_entry.py" line="82"/>
        <source>EO Explorer {name}</source>
        <translation>EO Explorer {name}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dock_entry.py" line="128"/>
        <source>The {name} dock could not be opened; see the log.</source>
        <translation>Le panneau {name} n'a pas pu être ouvert ; voir le journal.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="960"/>
        <source>Assets of the first {n} of {total} selected items.</source>
        <translation>Ressources des {n} premiers des {total} éléments sélectionnés.</translation>
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
        <translation>Recherche dans un catalogue d'observation de la Terre (une API STAC) et écrit les empreintes des éléments trouvés dans une couche de polygones en EPSG:4326, une entité par élément.

&lt;b&gt;Catalogue&lt;/b&gt; : l'identifiant d'un catalogue connu d'EO Explorer (par exemple cdse, ou sandbox lorsque le catalogue de test local est lancé) ou l'URL de la page d'accueil de n'importe quelle API STAC. Les catalogues qui nécessitent un compte utilisent le compte configuré dans EO Explorer ▸ Comptes.
&lt;b&gt;Collections&lt;/b&gt; : les identifiants des collections, séparés par des virgules, par exemple sentinel-2-l2a. Laissez vide pour chercher dans toutes les collections.
&lt;b&gt;Emprise&lt;/b&gt; et &lt;b&gt;Zone&lt;/b&gt; : où chercher. Les polygones de la couche de zone (seulement ceux qui sont sélectionnés lorsque « Entité(s) sélectionnée(s) uniquement » est coché) l'emportent sur l'emprise. Si aucune des deux n'est indiquée, la recherche porte sur le monde entier.
&lt;b&gt;Date de début&lt;/b&gt; et &lt;b&gt;Date de fin&lt;/b&gt; : les deux jours sont inclus (UTC).
&lt;b&gt;Couverture nuageuse maximale&lt;/b&gt; : en pourcentage ; les éléments sans couverture nuageuse sont conservés. Pour les catalogues qui ne savent pas filtrer par couverture nuageuse, le filtre est appliqué après le téléchargement.
&lt;b&gt;Filtre CQL2&lt;/b&gt; : un filtre supplémentaire en texte CQL2, pour les catalogues qui prennent en charge l'extension STAC Filter, par exemple « platform = 'sentinel-2a' ».
&lt;b&gt;Nombre maximal d'éléments&lt;/b&gt; : la recherche s'arrête après ce nombre d'empreintes.
&lt;b&gt;Ordre de tri&lt;/b&gt; : quels éléments viennent en premier, et donc lesquels le maximum conserve (les plus récents, les plus anciens ou les moins nuageux d'abord), pour les catalogues qui savent trier ; les autres gardent leur propre ordre.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Sort order</source>
        <translation>Ordre de tri</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Catalog&apos;s order</source>
        <translation>Ordre du catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Newest first</source>
        <translation>Les plus récents d'abord</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Oldest first</source>
        <translation>Les plus anciens d'abord</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="204"/>
        <source>Least cloudy first</source>
        <translation>Les moins nuageux d'abord</translation>
    </message>
    <message>
        <location filename="../plugin/core/dependencies/versions.py" line="188"/>
        <source>not installed</source>
        <translation>non installé</translation>
    </message>
    <message>
        <location filename="../plugin/core/dependencies/versions.py" line="195"/>
        <source>version {0} is installed, {1} needed</source>
        <translation>la version {0} est installée, il faut {1}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="54"/>
        <source>EO Explorer: install Python packages</source>
        <translation>EO Explorer : installation de paquets Python</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="71"/>
        <source>EO Explorer needs Python packages that QGIS does not have: {0}. Click Install to install them for your QGIS profile.</source>
        <translation>EO Explorer a besoin de paquets Python que QGIS n'a pas : {0}. Cliquez sur Installer pour les installer pour votre profil QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="75"/>
        <source>EO Explorer needs other Python packages: {0}. A package of the wrong version cannot be replaced by an install for the plugin alone; upgrade it in QGIS&apos;s Python (on Windows in the OSGeo4W Shell, on Linux possibly with the system package manager), then restart QGIS: {1}</source>
        <translation>EO Explorer a besoin d'autres paquets Python : {0}. Un paquet dans une mauvaise version ne peut pas être remplacé par une installation propre à l'extension ; mettez-le à jour dans le Python de QGIS (sous Windows dans l'OSGeo4W Shell, sous Linux éventuellement avec le gestionnaire de paquets du système), puis redémarrez QGIS : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/core/dependencies/pip.py" line="244"/>
        <source>Your system&apos;s package manager installed {0}, which Python loads before any copy pip installs; install the matching package from the same source instead (Debian, Ubuntu: sudo apt install {1}), then restart QGIS.</source>
        <translation>Le gestionnaire de paquets de votre système a installé {0}, que Python charge avant toute copie installée par pip ; installez plutôt le paquet correspondant depuis la même source (Debian, Ubuntu : sudo apt install {1}), puis redémarrez QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="109"/>
        <source>Install</source>
        <translation>Installer</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="127"/>
        <source>The install of {0} was cancelled.</source>
        <translation>L'installation de {0} a été annulée.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="129"/>
        <source>QGIS&apos;s Python interpreter was not found, so {0} could not be installed. Install them into QGIS&apos;s Python yourself.</source>
        <translation>L'interpréteur Python de QGIS est introuvable, impossible d'installer {0}. Installez ces paquets vous-même dans le Python de QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="137"/>
        <source>{0} could not be installed; pip&apos;s output is in the EO Explorer message log. You can run the install yourself: {1}</source>
        <translation>Impossible d'installer {0} ; la sortie de pip est dans le journal des messages d'EO Explorer. Vous pouvez lancer l'installation vous-même : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="147"/>
        <source>pip finished, but these packages are still not usable: {0}. Restart QGIS and try again.</source>
        <translation>pip a terminé, mais ces paquets ne sont toujours pas utilisables : {0}. Redémarrez QGIS et réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="154"/>
        <source>Installed {0}. EO Explorer is ready.</source>
        <translation>Installation de {0} terminée. EO Explorer est prêt.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="162"/>
        <source>Installing…</source>
        <translation>Installation…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/dependency_bar.py" line="163"/>
        <source>Installing {0} into {1}</source>
        <translation>Installation de {0} dans {1}</translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="255"/>
        <source>Reading {0} item(s) whole from the catalog.</source>
        <translation>Lecture complète de {0} élément(s) depuis le catalogue.</translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="263"/>
        <source>Item {0} could not be read whole: {1}</source>
        <translation>L’élément {0} n’a pas pu être lu en entier : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="298"/>
        <source>There is nothing to download.</source>
        <translation>Il n’y a rien à télécharger.</translation>
    </message>
    <message>
        <location filename="../plugin/assets/workflow.py" line="390"/>
        <source>EO Explorer: download {0} file(s)</source>
        <translation>EO Explorer : télécharger {0} fichier(s)</translation>
    </message>
    <message>
        <location filename="../plugin/constellr/workflow.py" line="112"/>
        <source>Batch {0} of {1} (tag {2}): {3} order(s) placed.</source>
        <translation>Lot {0} sur {1} (étiquette {2}) : {3} commande(s) passée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="89"/>
        <source>New S3 bucket…</source>
        <translation>Nouveau bucket S3…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="135"/>
        <source>New S3 bucket</source>
        <translation>Nouveau bucket S3</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="274"/>
        <source>Enter the bucket&apos;s name (without s3:// or /).</source>
        <translation>Saisissez le nom du bucket (sans s3:// ni /).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/dock.py" line="84"/>
        <source>Press Refresh to read your Constellr areas and orders (QGIS asks for its master password first).</source>
        <translation>Cliquez sur Actualiser pour lire vos zones et commandes Constellr (QGIS demande d’abord son mot de passe principal).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="274"/>
        <source>and {n} more</source>
        <translation>et {n} de plus</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="276"/>
        <source>Place {n} Constellr order(s)? Constellr charges for tasking orders.</source>
        <translation>Passer {n} commande(s) Constellr ? Constellr facture les commandes de programmation.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="280"/>
        <source>Product: {p}, {f}</source>
        <translation>Produit : {p}, {f}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="281"/>
        <source>Dates (UTC): {a} to {b}</source>
        <translation>Dates (UTC) : du {a} au {b}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="284"/>
        <source>Areas ({n}): {names}</source>
        <translation>Zones ({n}) : {names}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="287"/>
        <source>At most {n} image(s) per order</source>
        <translation>Au plus {n} image(s) par commande</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="291"/>
        <source>Use case: {u}</source>
        <translation>Cas d’usage : {u}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="293"/>
        <source>Constellr takes at most {m} orders per request, so they will be sent in {b} batches.</source>
        <translation>Constellr accepte au plus {m} commandes par requête : elles seront envoyées en {b} lots.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="303"/>
        <source>Earlier orders whose answer was lost may have been placed (tag {t}): check the Orders tab before ordering the same again.</source>
        <translation>Des commandes précédentes dont la réponse a été perdue ont peut-être été passées (étiquette {t}) : vérifiez l’onglet Commandes avant de commander à nouveau la même chose.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="327"/>
        <source>Placing {n} order(s)… {done} placed.</source>
        <translation>Envoi de {n} commande(s)… {done} passée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="343"/>
        <source>The answer from Constellr was lost, but the orders are in the order list (found by their batch tag): nothing was sent twice.</source>
        <translation>La réponse de Constellr a été perdue, mais les commandes figurent dans la liste (retrouvées par l’étiquette de leur lot) : rien n’a été envoyé deux fois.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/constellr/order_form.py" line="358"/>
        <source>Send the {n} order(s) again? EO Explorer looks for them in the order list once more first and sends only what is still not there.</source>
        <translation>Renvoyer les {n} commande(s) ? EO Explorer les cherche d’abord encore une fois dans la liste des commandes et n’envoie que ce qui n’y est toujours pas.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="269"/>
        <source>The map has no time yet: set the project's time range (Project ▸ Properties ▸ Temporal) or turn on the Temporal Controller.</source>
        <translation>La carte n’a pas encore de temps : définissez la plage temporelle du projet (Projet ▸ Propriétés ▸ Temporel) ou activez le contrôleur temporel.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="314"/>
        <source>No images for this collection, area and dates.</source>
        <translation>Aucune image pour cette collection, cette zone et ces dates.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="317"/>
        <source>{n} dates with images (in bold in the calendars): {dates}</source>
        <translation>{n} dates avec des images (en gras dans les calendriers) : {dates}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="416"/>
        <source>Search form</source>
        <translation>Formulaire de recherche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="417"/>
        <source>Hide the search form</source>
        <translation>Masquer le formulaire de recherche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="422"/>
        <source>{summary}
Click to change the search.</source>
        <translation>{summary}
Cliquez pour modifier la recherche.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="442"/>
        <source>all collections</source>
        <translation>toutes les collections</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="446"/>
        <source>{first} and {n} more</source>
        <translation>{first} et {n} de plus</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="450"/>
        <source>drawn polygon</source>
        <translation>polygone dessiné</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="452"/>
        <source>selected features</source>
        <translation>entités sélectionnées</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="454"/>
        <source>map extent</source>
        <translation>emprise de la carte</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="507"/>
        <source>Press Refresh to read the collections of {title} (QGIS asks for its master password first).</source>
        <translation>Cliquez sur Actualiser pour lire les collections de {title} (QGIS demande d’abord son mot de passe principal).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="586"/>
        <source>{n} collections. Type words (or a filter such as platform=&apos;BIOMASS&apos;) to search the catalog&apos;s collections; none ticked searches them all.</source>
        <translation>{n} collections. Saisissez des mots (ou un filtre comme platform='BIOMASS') pour chercher parmi les collections du catalogue ; si aucune n’est cochée, la recherche porte sur toutes.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="958"/>
        <source>Reading the items' assets…</source>
        <translation>Lecture des ressources des éléments…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="971"/>
        <source>{n} item(s) could not be read whole: {first}</source>
        <translation>{n} élément(s) n’ont pas pu être lus en entier : {first}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1024"/>
        <source>newest first</source>
        <translation>les plus récents d’abord</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1025"/>
        <source>oldest first</source>
        <translation>les plus anciens d’abord</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1026"/>
        <source>least cloudy first</source>
        <translation>les moins nuageux d’abord</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1035"/>
        <source>{shown} of {matched} — raise Max. items to see more.</source>
        <translation>{shown} sur {matched} — augmentez « Max. éléments » pour en voir plus.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1039"/>
        <source>{shown} shown, more available — raise Max. items to see more.</source>
        <translation>{shown} affichés, d’autres sont disponibles — augmentez « Max. éléments » pour en voir plus.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="1053"/>
        <source>Rows in the catalog&apos;s order ({order}).</source>
        <translation>Lignes dans l’ordre du catalogue ({order}).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/results.py" line="258"/>
        <source>Click a column heading to sort by it</source>
        <translation>Cliquez sur un en-tête de colonne pour trier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/thumbnails.py" line="124"/>
        <source>No preview</source>
        <translation>Pas d’aperçu</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/thumbnails.py" line="107"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="478"/>
        <source>Sentinel Hub asked to slow down: waiting {s} s before the next request…</source>
        <translation>Sentinel Hub demande de ralentir : attente de {s} s avant la requête suivante…</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="71"/>
        <source>Streamed layers of saved projects will not get their credentials back: a package EO Explorer needs could not be imported ({0}).</source>
        <translation>Les couches diffusées des projets enregistrés ne retrouveront pas leurs identifiants : un paquet nécessaire à EO Explorer n’a pas pu être importé ({0}).</translation>
    </message>
    <message>
        <location filename="../plugin/map/areas.py" line="56"/>
        <source>The map shows no area yet: add a layer or zoom to the place you want to search, or draw a polygon.</source>
        <translation>La carte ne montre encore aucune zone : ajoutez une couche ou zoomez sur le lieu à rechercher, ou dessinez un polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="80"/>
        <source>Creates a Constellr area of interest for every polygon of the layer (one polygon per feature; multi-part features are refused with an explanation) and orders the product for each, with the same specification. Needs the Constellr account (EO Explorer ▸ Accounts…).

Everything is checked before anything is created: the bounding box of each polygon (LSTprecision and LSTzoom at most 15 km × 15 km; LSTfusion 60 m to 110 km), the start date (from today; LSTfusion: not in the future), the duration (LSTprecision and LSTzoom: 7 days to 1 year), the frequency of the product, the maximum number of images (1 for a single image; none for LSTfusion) and the tags (at most 10, 50 characters each, no duplicates).

&lt;b&gt;Name field&lt;/b&gt;: the areas' names (unique in the workspace); without it, the layer name and feature id. An area that already exists with that name is reused.
&lt;b&gt;Only check&lt;/b&gt;: measure and check, create nothing.
Orders are sent in batches of at most 25. The output lists each feature with its area and order.

&lt;b&gt;Running this algorithm places the orders, and Constellr charges for them&lt;/b&gt;: there is no further question. Run it with &lt;b&gt;Only check&lt;/b&gt; first to see what would be ordered. Each batch carries a tag of its own (eo-explorer-…, so at most 9 tags of yours per order); when Constellr's answer is lost (time-out, gateway error, broken connection), the order list is searched for that tag for up to 20 seconds and the batch is never sent twice. When the orders are not found, the algorithm stops and says so: check the Orders tab of the Constellr dock before running it again.</source>
        <translation>Crée une zone d’intérêt Constellr pour chaque polygone de la couche (un polygone par entité ; les entités multiparties sont refusées avec une explication) et commande le produit pour chacune, avec la même spécification. Nécessite le compte Constellr (EO Explorer ▸ Comptes…).

Tout est vérifié avant toute création : l’emprise de chaque polygone (LSTprecision et LSTzoom au plus 15 km × 15 km ; LSTfusion de 60 m à 110 km), la date de début (à partir d’aujourd’hui ; LSTfusion : pas dans le futur), la durée (LSTprecision et LSTzoom : de 7 jours à 1 an), la fréquence du produit, le nombre maximal d’images (1 pour une image unique ; aucun pour LSTfusion) et les étiquettes (au plus 10, de 50 caractères chacune, sans doublon).

&lt;b&gt;Champ de nom&lt;/b&gt; : les noms des zones (uniques dans l’espace de travail) ; sans lui, le nom de la couche et l’identifiant de l’entité. Une zone qui existe déjà sous ce nom est réutilisée.
&lt;b&gt;Vérifier seulement&lt;/b&gt; : mesurer et vérifier, ne rien créer.
Les commandes sont envoyées par lots de 25 au plus. La sortie liste chaque entité avec sa zone et sa commande.

&lt;b&gt;Exécuter cet algorithme passe les commandes, et Constellr les facture&lt;/b&gt; : aucune autre question n’est posée. Lancez-le d’abord avec &lt;b&gt;Vérifier seulement&lt;/b&gt; pour voir ce qui serait commandé. Chaque lot porte sa propre étiquette (eo-explorer-…, donc au plus 9 étiquettes à vous par commande) ; quand la réponse de Constellr est perdue (délai dépassé, erreur de passerelle, connexion coupée), la liste des commandes est parcourue à la recherche de cette étiquette pendant 20 secondes au plus et le lot n’est jamais envoyé deux fois. Si les commandes ne sont pas retrouvées, l’algorithme s’arrête et le dit : vérifiez l’onglet Commandes du panneau Constellr avant de le relancer.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="316"/>
        <source>Look for the tag {0} in the Orders tab of the Constellr dock before running the algorithm again: a new run sends new orders.</source>
        <translation>Cherchez l’étiquette {0} dans l’onglet Commandes du panneau Constellr avant de relancer l’algorithme : une nouvelle exécution envoie de nouvelles commandes.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/constellr_algorithm.py" line="321"/>
        <source>{0} order(s) of earlier batches were placed. </source>
        <translation>{0} commande(s) des lots précédents ont été passées. </translation>
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
        <translation>Demande des images à l’API Process de Sentinel Hub pour une zone et les écrit en GeoTIFF optimisé pour le cloud (COG), avec le JSON de la requête à côté.

&lt;b&gt;Point d’accès&lt;/b&gt; : services.sentinel-hub.com, services-uswest2.sentinel-hub.com ou sh.dataspace.copernicus.eu, avec le compte enregistré sous EO Explorer ▸ Comptes.
&lt;b&gt;Collection&lt;/b&gt; : sentinel-2-l2a, sentinel-2-l1c, sentinel-1-grd, sentinel-3-olci, sentinel-3-slstr, landsat-ot-l2, dem ou byoc-&amp;lt;id&amp;gt;. Chaque point d’accès sert ses propres collections : Landsat seulement services-uswest2, les collections Sentinel services.sentinel-hub.com et sh.dataspace.copernicus.eu, le MNT les trois.
La &lt;b&gt;couche de zone&lt;/b&gt; (ses polygones, découpés) l’emporte sur l’&lt;b&gt;emprise&lt;/b&gt;.
&lt;b&gt;Evalscript&lt;/b&gt; : un préréglage, ou un fichier de script (il l’emporte sur le préréglage).
&lt;b&gt;SCR de sortie&lt;/b&gt; : vide pour la zone UTM de la zone. &lt;b&gt;Résolution&lt;/b&gt; en mètres, sauf si la &lt;b&gt;largeur&lt;/b&gt; et la &lt;b&gt;hauteur&lt;/b&gt; en pixels sont données.
Les zones de plus de 2500 × 2500 pixels sont demandées par tuiles puis assemblées.
Un evalscript à plusieurs sorties (p. ex. les id rgb et mask) produit un GeoTIFF par sortie : la principale (id default, sinon la première) est &lt;b&gt;Image&lt;/b&gt;, les autres sont écrites à côté sous &amp;lt;nom&amp;gt;_&amp;lt;id de sortie&amp;gt;.tif.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="212"/>
        <source>Images of every evalscript output</source>
        <translation>Images de chaque sortie de l’evalscript</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="199"/>
        <source>Sentinel Hub asked to slow down: waiting {0} s.</source>
        <translation>Sentinel Hub demande de ralentir : attente de {0} s.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/process_algorithm.py" line="391"/>
        <source>Output {0} saved as {1}</source>
        <translation>Sortie {0} enregistrée sous {1}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="46"/>
        <source>The Processing algorithms of EO Explorer are not available: a package they need could not be imported ({0}). Reinstall requests, pydantic and shapely from the EO Explorer dock.</source>
        <translation>Les algorithmes de traitement d’EO Explorer ne sont pas disponibles : un paquet nécessaire n’a pas pu être importé ({0}). Réinstallez requests, pydantic et shapely depuis le panneau EO Explorer.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_algorithm.py" line="83"/>
        <source>The footprints could not be styled: {0}</source>
        <translation>Le style des emprises n’a pas pu être appliqué : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/common/accounts_dialog.py" line="182"/>
        <source>Sandbox: access key {key}, secret key {secret}.</source>
        <translation>Sandbox : clé d'accès {key}, clé secrète {secret}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="330"/>
        <source>Best cover needs the area of the search: search the map extent, a drawn polygon or selected features first.</source>
        <translation>La meilleure couverture a besoin de la zone de recherche : lancez d'abord une recherche sur l'emprise de la carte, un polygone dessiné ou des entités sélectionnées.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="346"/>
        <source>EO Explorer: best cover</source>
        <translation>EO Explorer : meilleure couverture</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="366"/>
        <source>No footprint covers the search area.</source>
        <translation>Aucune empreinte ne couvre la zone de recherche.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="368"/>
        <source>{n} footprint(s) cover {p} % of the search area (the fewest, least cloudy); they are selected.</source>
        <translation>{n} empreinte(s) couvrent {p} % de la zone de recherche (les moins nombreuses et les moins nuageuses) ; elles sont sélectionnées.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/dock.py" line="831"/>
        <source>The search failed after {count} items from {pages} page(s); they stay on the map.</source>
        <translation>La recherche a échoué après {count} éléments sur {pages} page(s) ; ils restent sur la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="131"/>
        <source>selected footprints</source>
        <translation>empreintes sélectionnées</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="133"/>
        <source>footprints in the map view</source>
        <translation>empreintes dans la vue de la carte</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="136"/>
        <source>Quicklooks of the first {cap} of {n} {which}: at most {cap} are fetched at once.</source>
        <translation>Aperçus des {cap} premières des {n} {which} : {cap} au plus sont téléchargés à la fois.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="165"/>
        <source>No footprint is selected or in the map view: nothing to show.</source>
        <translation>Aucune empreinte n'est sélectionnée ni dans la vue de la carte : rien à afficher.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="217"/>
        <source>EO Explorer: quicklooks</source>
        <translation>EO Explorer : aperçus</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="221"/>
        <source>Fetching {n} quicklook(s)…</source>
        <translation>Téléchargement de {n} aperçu(s)…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks_action.py" line="85"/>
        <source>Show quicklooks</source>
        <translation>Afficher les aperçus</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks_action.py" line="85"/>
        <source>Hide quicklooks</source>
        <translation>Masquer les aperçus</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="310"/>
        <source>{n} quicklook(s) on the map.</source>
        <translation>{n} aperçu(s) sur la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="312"/>
        <source>Cancelled: {n} quicklook(s) on the map.</source>
        <translation>Annulé : {n} aperçu(s) sur la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/search/quicklooks.py" line="314"/>
        <source>{n} could not be shown ({first}); the others are in the EO Explorer message log.</source>
        <translation>{n} n'ont pas pu être affichés ({first}) ; les autres erreurs sont dans le journal des messages EO Explorer.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="66"/>
        <source>Where Sentinel Hub writes the image: &lt;folder&gt;/&lt;request id&gt;/&lt;output&gt;.tif. QGIS reads it from there with the bucket&apos;s account.</source>
        <translation>Où Sentinel Hub écrit l'image : &lt;folder&gt;/&lt;request id&gt;/&lt;output&gt;.tif (dossier, id de requête, sortie). QGIS la lit à cet endroit avec le compte du bucket.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="77"/>
        <source>Set up the bucket&apos;s account (endpoint, region, keys).</source>
        <translation>Configurez le compte du bucket (point de terminaison, région, clés).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="83"/>
        <source>Bucket folder</source>
        <translation>Dossier du bucket</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="87"/>
        <source>optional: arn:aws:iam::123456789012:role/name</source>
        <translation>facultatif : arn:aws:iam::123456789012:role/nom</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="66"/>
        <source>An IAM role Sentinel Hub may assume to write to the bucket: no key leaves QGIS. Sentinel Hub&apos;s documentation explains the role&apos;s policy.</source>
        <translation>Un rôle IAM que Sentinel Hub peut assumer pour écrire dans le bucket : aucune clé ne quitte QGIS. La documentation de Sentinel Hub décrit la politique du rôle.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="89"/>
        <source>IAM role ARN</source>
        <translation>IAM role ARN</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="112"/>
        <source>Let Sentinel Hub use this bucket&apos;s keys</source>
        <translation>Laisser Sentinel Hub utiliser les clés de ce bucket</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="66"/>
        <source>Sends the access and secret key of the bucket&apos;s account to Sentinel Hub with the request, so that it can write the result. Without an IAM role, Sentinel Hub needs them.</source>
        <translation>Envoie la clé d'accès et la clé secrète du compte du bucket à Sentinel Hub avec la requête, pour qu'il puisse écrire le résultat. Sans rôle IAM, Sentinel Hub en a besoin.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="98"/>
        <source>Image delivered to a bucket (Async API)</source>
        <translation>Image livrée dans un bucket (Async API)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="101"/>
        <source>Send to Sentinel Hub</source>
        <translation>Envoyer à Sentinel Hub</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="117"/>
        <source>Async API: one request of {w} x {h} px (up to {a} x {a} px; the synchronous API takes {s} x {s} px per request), written to the bucket, then loaded.</source>
        <translation>Async API : une requête de {w} x {h} px (jusqu'à {a} x {a} px ; l'API synchrone accepte {s} x {s} px par requête), écrite dans le bucket, puis chargée.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="127"/>
        <source>{w} × {h} px of {pixel} in EPSG:{epsg}</source>
        <translation>{w} × {h} px de {pixel} en EPSG:{epsg}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="150"/>
        <source>Set up the account of the bucket {bucket} under Accounts… (endpoint, region and keys): QGIS reads the result from there.</source>
        <translation>Configurez le compte du bucket {bucket} dans Comptes… (point de terminaison, région et clés) : QGIS y lit le résultat.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="192"/>
        <source>Sending one request to the Async API of {host}…</source>
        <translation>Envoi d'une requête à l'Async API de {host}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="200"/>
        <source>Request {id} is running on Sentinel Hub ({n} check(s)); next look in {s} s…</source>
        <translation>La requête {id} s'exécute sur Sentinel Hub ({n} vérification(s)) ; prochaine vérification dans {s} s…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="206"/>
        <source>Done on Sentinel Hub: copying {url}…</source>
        <translation>Terminé sur Sentinel Hub : copie de {url}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="219"/>
        <source>Stopped following the request.</source>
        <translation>Suivi de la requête arrêté.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="223"/>
        <source>The Async request failed.</source>
        <translation>La requête Async a échoué.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/async_engine.py" line="237"/>
        <source>Saved {file}, delivered by request {id}.</source>
        <translation>{file} enregistré, livré par la requête {id}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="105"/>
        <source>Large area (Batch Processing API)</source>
        <translation>Grande zone (Batch Processing API)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="108"/>
        <source>Analyse (cost and tiles)</source>
        <translation>Analyser (coût et tuiles)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="112"/>
        <source>Batch Processing</source>
        <translation>Batch Processing</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="128"/>
        <source>Tiling grid</source>
        <translation>Grille de tuilage</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="129"/>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="132"/>
        <source>Sentinel Hub writes the tiles into the bucket through the bucket's policy: no key is sent to it. QGIS reads the tiles with the bucket's S3 account (Accounts…), for that bucket only.</source>
        <translation>Sentinel Hub écrit les tuiles dans le bucket grâce à la politique du bucket : aucune clé ne lui est envoyée. QGIS lit les tuiles avec le compte S3 du bucket (Comptes…), pour ce bucket uniquement.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="204"/>
        <source>Batch: {grid} at {res}{unit} ({px} x {px} px tiles), about {n} tile(s) for this area; Analyse asks Sentinel Hub for the tile count and cost, nothing is processed before you confirm.</source>
        <translation>Batch : {grid} à {res}{unit} (tuiles de {px} x {px} px), environ {n} tuile(s) pour cette zone ; Analyser demande à Sentinel Hub le nombre de tuiles et le coût, rien n'est traité avant votre confirmation.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="249"/>
        <source>Creating the batch request and asking for its cost…</source>
        <translation>Création de la requête batch et demande de son coût…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="268"/>
        <source>No longer following the request; it goes on at Sentinel Hub (see Batch requests).</source>
        <translation>La requête n'est plus suivie ; elle se poursuit chez Sentinel Hub (voir Requêtes batch).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="276"/>
        <source>The batch request failed.</source>
        <translation>La requête batch a échoué.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="289"/>
        <source>Processing: {done} of {total} tile(s) done.</source>
        <translation>Traitement : {done} tuile(s) sur {total} terminée(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="306"/>
        <source>Analysed: {estimate}.</source>
        <translation>Analysée : {estimate}.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="311"/>
        <source>Not started: start it from Batch requests when you want.</source>
        <translation>Non démarrée : démarrez-la depuis Requêtes batch quand vous le souhaitez.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="318"/>
        <source>Start the batch request?</source>
        <translation>Démarrer la requête batch ?</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="318"/>
        <source>Sentinel Hub estimates {estimate}.

Start processing now? The processing units are charged to your account.</source>
        <translation>Sentinel Hub estime {estimate}.

Démarrer le traitement maintenant ? Les unités de traitement sont facturées à votre compte.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="339"/>
        <source>Starting the batch request…</source>
        <translation>Démarrage de la requête batch…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="345"/>
        <source>{n} tile(s) failed and are missing from the mosaic: {which}</source>
        <translation>{n} tuile(s) en échec, absente(s) de la mosaïque : {which}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="388"/>
        <source>Mosaic of {n} tile(s) from s3://{bucket} loaded ({state}).</source>
        <translation>Mosaïque de {n} tuile(s) depuis s3://{bucket} chargée ({state}).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="394"/>
        <source>{n} tile(s) in another CRS are not in the mosaic.</source>
        <translation>{n} tuile(s) dans un autre SCR ne sont pas dans la mosaïque.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="402"/>
        <source>Reading the tiles from the bucket…</source>
        <translation>Lecture des tuiles depuis le bucket…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_engine.py" line="454"/>
        <source>Sentinel Hub cancelled the request.</source>
        <translation>Sentinel Hub a annulé la requête.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="40"/>
        <source>Batch requests of the account</source>
        <translation>Requêtes batch du compte</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="54"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="55"/>
        <source>Start…</source>
        <translation>Démarrer…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="56"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="57"/>
        <source>Load mosaic</source>
        <translation>Charger la mosaïque</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/batch_requests.py" line="58"/>
        <source>Restart failed tiles</source>
        <translation>Relancer les tuiles en échec</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/dock.py" line="141"/>
        <source>Make</source>
        <translation>Produire</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="84"/>
        <source>Image (Process API)</source>
        <translation>Image (Process API)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="87"/>
        <source>Request imagery</source>
        <translation>Demander l'image</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="98"/>
        <source>Large: {n} tiles of up to {side} px, put together here.</source>
        <translation>Grande : {n} tuiles de {side} px au plus, assemblées ici.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="102"/>
        <source>The Async API makes it in one request (up to {async_px} px a side).</source>
        <translation>L'Async API la produit en une seule requête (jusqu'à {async_px} px de côté).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/engines.py" line="109"/>
        <source>Beyond {async_px} px a side ({px} px here): Large area (Batch Processing API) makes it on Sentinel Hub&apos;s side.</source>
        <translation>Au-delà de {async_px} px de côté ({px} px ici) : Grande zone (Batch Processing API) la produit côté Sentinel Hub.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_chart.py" line="136"/>
        <source>No statistics to show.</source>
        <translation>Aucune statistique à afficher.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_chart.py" line="237"/>
        <source>no valid pixel (masked)</source>
        <translation>aucun pixel valide (masqué)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_chart.py" line="247"/>
        <source>{n} valid pixel(s)</source>
        <translation>{n} pixel(s) valide(s)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="51"/>
        <source>EO Explorer – Time series</source>
        <translation>EO Explorer – Série temporelle</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="78"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="79"/>
        <source>Add as table layer</source>
        <translation>Ajouter comme couche table</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="80"/>
        <source>Join to polygons</source>
        <translation>Joindre aux polygones</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="81"/>
        <source>Adds to each polygon the last interval with valid pixels (ts_from, ts_mean, ts_stdev, ts_valid) and the whole series as JSON (ts_series).</source>
        <translation>Ajoute à chaque polygone le dernier intervalle ayant des pixels valides (ts_from, ts_mean, ts_stdev, ts_valid) et toute la série en JSON (ts_series).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="176"/>
        <source>Saved {file}.</source>
        <translation>{file} enregistré.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="181"/>
        <source>Export the time series</source>
        <translation>Exporter la série temporelle</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="181"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="191"/>
        <source>Added the table layer {name} ({n} rows).</source>
        <translation>Couche table {name} ajoutée ({n} lignes).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="211"/>
        <source>The polygons layer of these statistics is no longer there.</source>
        <translation>La couche de polygones de ces statistiques n'existe plus.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_dialog.py" line="214"/>
        <source>Wrote the series of {n} polygon(s) to {layer} (fields ts_*).</source>
        <translation>Série de {n} polygone(s) écrite dans {layer} (champs ts_*).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="140"/>
        <source>mean ± standard deviation</source>
        <translation>moyenne ± écart type</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="141"/>
        <source>{low}–{high} % percentiles</source>
        <translation>percentiles {low}–{high} %</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="157"/>
        <source>Time series (Statistical API)</source>
        <translation>Série temporelle (Statistical API)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="160"/>
        <source>Compute time series</source>
        <translation>Calculer la série temporelle</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="178"/>
        <source>left out when it does not fit the dates</source>
        <translation>ignoré s'il ne tient pas dans les dates</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="178"/>
        <source>shortened to the end date</source>
        <translation>raccourci à la date de fin</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="178"/>
        <source>extended past the end date</source>
        <translation>prolongé au-delà de la date de fin</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="189"/>
        <source>The Statistical API counts only the pixels where the evalscript&apos;s dataMask output is 1 (clouds and no data left out): choose a preset &quot;with dataMask&quot; or add such an output to your script. The resolution is the form&apos;s.</source>
        <translation>La Statistical API ne compte que les pixels où la sortie dataMask de l'evalscript vaut 1 (nuages et absence de données exclus) : choisissez un préréglage &quot;with dataMask&quot; ou ajoutez une telle sortie à votre script. La résolution est celle du formulaire.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="106"/>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="200"/>
        <source>Band</source>
        <translation>Bande</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="201"/>
        <source>Last interval</source>
        <translation>Dernier intervalle</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/delivery.py" line="67"/>
        <source>optional: s3://bucket/folder</source>
        <translation>facultatif : s3://bucket/dossier</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="203"/>
        <source>With several polygons selected: one Batch Statistical request for all of them, the polygons and results in this bucket folder (its account under Accounts…). Empty: one request per polygon.</source>
        <translation>Avec plusieurs polygones sélectionnés : une seule requête Batch Statistical pour tous, les polygones et les résultats dans ce dossier du bucket (son compte dans Comptes…). Vide : une requête par polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="203"/>
        <source>An IAM role Sentinel Hub may assume to read and write the bucket: no key leaves QGIS.</source>
        <translation>Un rôle IAM que Sentinel Hub peut assumer pour lire et écrire dans le bucket : aucune clé ne quitte QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="203"/>
        <source>Sends the access and secret key of the bucket&apos;s account to Sentinel Hub with the request, so that it can read the polygons and write the results. Without an IAM role, Sentinel Hub needs them.</source>
        <translation>Envoie la clé d'accès et la clé secrète du compte du bucket à Sentinel Hub avec la requête, pour qu'il puisse lire les polygones et écrire les résultats. Sans rôle IAM, Sentinel Hub en a besoin.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="321"/>
        <source>Time series: {n} interval(s) for {a} area(s), one Batch Statistical request (results through the bucket folder).</source>
        <translation>Série temporelle : {n} intervalle(s) pour {a} zone(s), une seule requête Batch Statistical (résultats via le dossier du bucket).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="325"/>
        <source>Time series: {n} interval(s) for {a} area(s), one request per area.</source>
        <translation>Série temporelle : {n} intervalle(s) pour {a} zone(s), une requête par zone.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="366"/>
        <source>Set up the account of the bucket {bucket} under Accounts… (endpoint, region and keys): the polygons go there and the statistics are read from there.</source>
        <translation>Configurez le compte du bucket {bucket} dans Comptes… (point de terminaison, région et clés) : les polygones y sont envoyés et les statistiques y sont lues.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="415"/>
        <source>Asking {host} for the statistics of {n} area(s) in one batch request…</source>
        <translation>Demande à {host} des statistiques de {n} zone(s) en une requête batch…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="430"/>
        <source>This account has no Batch Statistical API: the statistics are computed with one request per polygon instead.</source>
        <translation>Ce compte n'a pas la Batch Statistical API : les statistiques sont calculées avec une requête par polygone à la place.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="449"/>
        <source>Batch Statistical request: {state}</source>
        <translation>Requête Batch Statistical : {state}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="463"/>
        <source>Asking {host} for the statistics of {n} area(s)…</source>
        <translation>Demande à {host} des statistiques de {n} zone(s)…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="473"/>
        <source>{done} of {total} area(s) done</source>
        <translation>{done} zone(s) sur {total} terminée(s)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="491"/>
        <source>The statistics failed.</source>
        <translation>Le calcul des statistiques a échoué.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/sentinelhub/statistics_engine.py" line="497"/>
        <source>Cancelled after {n} area(s).</source>
        <translation>Annulé après {n} zone(s).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="56"/>
        <source>Sentinel Hub async process</source>
        <translation>Traitement asynchrone Sentinel Hub</translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="62"/>
        <source>Sends ONE request to the Sentinel Hub Async Process API (up to {0} × {0} pixels, no tiling), which writes the image to your S3 bucket as &amp;lt;bucket folder&amp;gt;/&amp;lt;request id&amp;gt;/default.tif; follows it until it ends and copies the image to &lt;b&gt;Image&lt;/b&gt;.

&lt;b&gt;Bucket folder&lt;/b&gt;: s3://bucket/folder; the bucket's account (EO Explorer ▸ Accounts) lets QGIS read the result.
&lt;b&gt;IAM role ARN&lt;/b&gt;: a role Sentinel Hub may assume to write there (no key leaves QGIS), or tick &lt;b&gt;Let Sentinel Hub use this bucket's keys&lt;/b&gt;.
Cancel stops following only: the Async API cannot cancel a request, which keeps running and still writes its result.

The other parameters are those of Sentinel Hub Process.</source>
        <translation>Envoie UNE requête à l'Async Process API de Sentinel Hub (jusqu'à {0} × {0} pixels, sans tuilage), qui écrit l'image dans votre bucket S3 sous &amp;lt;dossier du bucket&amp;gt;/&amp;lt;id de requête&amp;gt;/default.tif ; la suit jusqu'à sa fin et copie l'image dans &lt;b&gt;Image&lt;/b&gt;.

&lt;b&gt;Dossier du bucket&lt;/b&gt; : s3://bucket/dossier ; le compte du bucket (EO Explorer ▸ Comptes) permet à QGIS de lire le résultat.
&lt;b&gt;IAM role ARN&lt;/b&gt; : un rôle que Sentinel Hub peut assumer pour y écrire (aucune clé ne quitte QGIS), ou cochez &lt;b&gt;Laisser Sentinel Hub utiliser les clés de ce bucket&lt;/b&gt;.
Annuler arrête seulement le suivi : l'Async API ne peut pas annuler une requête, qui continue de s'exécuter et écrit quand même son résultat.

Les autres paramètres sont ceux de Sentinel Hub Process.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="104"/>
        <source>Bucket folder (s3://bucket/folder)</source>
        <translation>Dossier du bucket (s3://bucket/dossier)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="88"/>
        <source>IAM role ARN Sentinel Hub assumes</source>
        <translation>IAM role ARN assumé par Sentinel Hub</translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="98"/>
        <source>Async request id</source>
        <translation>Id de la requête Async</translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="99"/>
        <source>Result in the bucket</source>
        <translation>Résultat dans le bucket</translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="148"/>
        <source>One Async request of {0} × {1} px in EPSG:{2}, delivered to {3}</source>
        <translation>Une requête Async de {0} × {1} px en EPSG:{2}, livrée dans {3}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/async_algorithm.py" line="164"/>
        <source>Saved {0} from {1}</source>
        <translation>{0} enregistré depuis {1}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="64"/>
        <source>Sentinel Hub batch process</source>
        <translation>Traitement batch Sentinel Hub</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="67"/>
        <source>A large area on Sentinel Hub&apos;s own engine (Batch Processing API): the area is cut on a tiling grid, and the tiles are written as COGs to your bucket (s3://bucket/folder; its policy must let Sentinel Hub write there, no key is sent). The request is analysed and its tile count and cost reported; it is started only when &apos;Start after analysis&apos; is checked, then followed to its end, and the tiles are gathered in one VRT read with the bucket&apos;s S3 account.</source>
        <translation>Une grande zone traitée par le moteur de Sentinel Hub (Batch Processing API) : la zone est découpée selon une grille de tuilage, et les tuiles sont écrites en COG dans votre bucket (s3://bucket/dossier ; sa politique doit permettre à Sentinel Hub d'y écrire, aucune clé n'est envoyée). La requête est analysée, puis son nombre de tuiles et son coût sont indiqués ; elle n'est démarrée que si « Démarrer après l'analyse » est coché, puis suivie jusqu'à sa fin, et les tuiles sont rassemblées dans un VRT lu avec le compte S3 du bucket.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="84"/>
        <source>Tiling grid and resolution</source>
        <translation>Grille de tuilage et résolution</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="97"/>
        <source>Start after analysis (costs processing units)</source>
        <translation>Démarrer après l'analyse (consomme des unités de traitement)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="102"/>
        <source>Mosaic (VRT of the tiles)</source>
        <translation>Mosaïque (VRT des tuiles)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="112"/>
        <source>Batch request id</source>
        <translation>Id de la requête batch</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="113"/>
        <source>Batch request state</source>
        <translation>État de la requête batch</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="114"/>
        <source>Tiles</source>
        <translation>Tuiles</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="115"/>
        <source>Estimated processing units</source>
        <translation>Unités de traitement estimées</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="156"/>
        <source>Analysed: {0}.</source>
        <translation>Analysée : {0}.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="163"/>
        <source>Not started: check &apos;Start after analysis&apos; to start it.</source>
        <translation>Non démarrée : cochez « Démarrer après l'analyse » pour la démarrer.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="172"/>
        <source>Tile {0} failed: {1}</source>
        <translation>La tuile {0} a échoué : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_process_algorithm.py" line="188"/>
        <source>Cancelled; the request goes on at Sentinel Hub.</source>
        <translation>Annulé ; la requête se poursuit chez Sentinel Hub.</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="211"/>
        <source>Sentinel Hub batch statistics</source>
        <translation>Statistiques batch Sentinel Hub</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="66"/>
        <source>sentinel hub,statistical api,batch statistical,time series,ndvi,fields</source>
        <translation>sentinel hub,statistical api,batch statistical,série temporelle,ndvi,parcelles</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="71"/>
        <source>Statistics (mean, standard deviation, min, max, percentiles 10/50/90) of an evalscript's output per time interval, for every polygon of a layer, with Sentinel Hub's Batch Statistical API.

The polygons are written as a GeoPackage into the &lt;b&gt;bucket folder&lt;/b&gt; (s3://bucket/folder, with its account under EO Explorer ▸ Accounts); Sentinel Hub reads them there and writes one result file per polygon beside them. It needs access to the bucket: an &lt;b&gt;IAM role ARN&lt;/b&gt;, or tick &lt;b&gt;Let Sentinel Hub use this bucket's keys&lt;/b&gt; to send the bucket's keys with the request.
The evalscript needs a dataMask output. &lt;b&gt;Resolution&lt;/b&gt; in metres (the polygons are sent in the UTM zone of the layer).
An account without Batch Statistical (enterprise plans) gets the same series with one Statistical request per polygon.
&lt;b&gt;Output&lt;/b&gt;: one feature per polygon, interval, output and band, with the polygon's attributes and geometry.</source>
        <translation>Statistiques (moyenne, écart type, min, max, percentiles 10/50/90) d'une sortie d'evalscript par intervalle de temps, pour chaque polygone d'une couche, avec la Batch Statistical API de Sentinel Hub.

Les polygones sont écrits en GeoPackage dans le &lt;b&gt;dossier du bucket&lt;/b&gt; (s3://bucket/dossier, avec son compte dans EO Explorer ▸ Comptes) ; Sentinel Hub les y lit et écrit à côté un fichier de résultat par polygone. Il lui faut un accès au bucket : un &lt;b&gt;IAM role ARN&lt;/b&gt;, ou cochez &lt;b&gt;Laisser Sentinel Hub utiliser les clés de ce bucket&lt;/b&gt; pour envoyer les clés du bucket avec la requête.
L'evalscript doit avoir une sortie dataMask. &lt;b&gt;Résolution&lt;/b&gt; en mètres (les polygones sont envoyés dans la zone UTM de la couche).
Un compte sans Batch Statistical (offres entreprise) obtient la même série avec une requête Statistical par polygone.
&lt;b&gt;Sortie&lt;/b&gt; : une entité par polygone, intervalle, sortie et bande, avec les attributs et la géométrie du polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="107"/>
        <source>IAM role ARN Sentinel Hub may assume</source>
        <translation>IAM role ARN que Sentinel Hub peut assumer</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="117"/>
        <source>Polygons with their series</source>
        <translation>Polygones avec leurs séries</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="135"/>
        <source>The bucket folder must be an S3 URL: s3://bucket/folder.</source>
        <translation>Le dossier du bucket doit être une URL S3 : s3://bucket/dossier.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="146"/>
        <source>Set up the {0} account (endpoint, region, access and secret key) under Accounts… so that the polygons can be written to the bucket.</source>
        <translation>Configurez le compte {0} (point de terminaison, région, clé d'accès et clé secrète) dans Comptes… pour que les polygones puissent être écrits dans le bucket.</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="248"/>
        <source>The layer has no polygons.</source>
        <translation>La couche n'a pas de polygones.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="215"/>
        <source>Cancelled: the Batch Statistical request was stopped.</source>
        <translation>Annulé : la requête Batch Statistical a été arrêtée.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="223"/>
        <source>Polygon {0}: {1}</source>
        <translation>Polygone {0} : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/batch_statistics_algorithm.py" line="225"/>
        <source>Batch Statistical request {0}; results in {1}</source>
        <translation>Requête Batch Statistical {0} ; résultats dans {1}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="68"/>
        <source>Sentinel Hub statistics (time series)</source>
        <translation>Statistiques Sentinel Hub (série temporelle)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="91"/>
        <source>Polygons (one series each)</source>
        <translation>Polygones (une série chacun)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="99"/>
        <source>Extent (without polygons)</source>
        <translation>Emprise (sans polygones)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="111"/>
        <source>Percentiles</source>
        <translation>Percentiles</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="116"/>
        <source>Last interval that does not fit</source>
        <translation>Dernier intervalle qui ne tient pas</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="122"/>
        <source>CRS (empty: UTM zone)</source>
        <translation>SCR (vide : zone UTM)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="126"/>
        <source>Statistics table</source>
        <translation>Table des statistiques</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="131"/>
        <source>CSV file</source>
        <translation>Fichier CSV</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="131"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="157"/>
        <source>The polygons layer has no polygon.</source>
        <translation>La couche de polygones n'a aucun polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="161"/>
        <source>Give polygons or an extent.</source>
        <translation>Indiquez des polygones ou une emprise.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="165"/>
        <source>extent</source>
        <translation>emprise</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="196"/>
        <source>{0} polygon(s), one Statistical API request each.</source>
        <translation>{0} polygone(s), une requête Statistical API chacun.</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="125"/>
        <source>Could not write the polygons to {0}.</source>
        <translation>Impossible d'écrire les polygones dans {0}.</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="135"/>
        <source>Feature {0} has no readable geometry.</source>
        <translation>L'entité {0} n'a pas de géométrie lisible.</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="166"/>
        <source>The polygons could not be written to the bucket: {0}</source>
        <translation>Les polygones n'ont pas pu être écrits dans le bucket : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="149"/>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="164"/>
        <source>the upload failed</source>
        <translation>l'envoi a échoué</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="166"/>
        <source>the upload stopped</source>
        <translation>l'envoi s'est interrompu</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="194"/>
        <source>Its statistics failed.</source>
        <translation>Ses statistiques ont échoué.</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="254"/>
        <source>The bucket folder {0} is not an S3 URL (s3://bucket/folder).</source>
        <translation>Le dossier du bucket {0} n'est pas une URL S3 (s3://bucket/dossier).</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="281"/>
        <source>Writing {0} polygon(s) to {1}</source>
        <translation>Écriture de {0} polygone(s) dans {1}</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="292"/>
        <source>Batch Statistical request: {0}</source>
        <translation>Requête Batch Statistical : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="310"/>
        <source>Stopping the request failed: {0}</source>
        <translation>L'arrêt de la requête a échoué : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="313"/>
        <source>The Batch Statistical request ended: {0}</source>
        <translation>La requête Batch Statistical s'est terminée : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="356"/>
        <source>No statistics were written for it.</source>
        <translation>Aucune statistique n'a été écrite pour lui.</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="362"/>
        <source>Statistics of {0} polygons read from {1}</source>
        <translation>Statistiques de {0} polygones lues depuis {1}</translation>
    </message>
    <message>
        <location filename="../plugin/sentinelhub/batch_statistics.py" line="383"/>
        <source>It has no readable geometry.</source>
        <translation>Il n'a pas de géométrie lisible.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/statistics_algorithm.py" line="74"/>
        <source>Statistics of an evalscript&apos;s output per time interval (Sentinel Hub Statistical API): mean, standard deviation, minimum, maximum, percentiles and pixel counts, for each polygon of the area layer (one request each) or for the extent. The evalscript needs an output with id dataMask, which says which pixels count (the presets &quot;with dataMask&quot; have one). The table has one row per polygon, interval and band. Intervals without any acquisition are not listed; an interval whose pixels are all masked (clouds, no data) has a row with empty statistics.</source>
        <translation>Statistiques d'une sortie d'evalscript par intervalle de temps (Statistical API de Sentinel Hub) : moyenne, écart type, minimum, maximum, percentiles et nombres de pixels, pour chaque polygone de la couche de zone (une requête chacun) ou pour l'emprise. L'evalscript doit avoir une sortie d'id dataMask, qui indique quels pixels comptent (les préréglages &quot;with dataMask&quot; en ont une). La table a une ligne par polygone, intervalle et bande. Les intervalles sans aucune acquisition ne sont pas listés ; un intervalle dont tous les pixels sont masqués (nuages, absence de données) a une ligne aux statistiques vides.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="6"/>
        <source>EO Explorer – Accounts</source>
        <translation>EO Explorer – Comptes</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="17"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="19"/>
        <source>Header name</source>
        <translation>Nom de l'en-tête</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="20"/>
        <source>e.g. X-API-Key</source>
        <translation>p. ex. X-API-Key</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="21"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="23"/>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="27"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="30"/>
        <source>Token URL</source>
        <translation>URL du jeton</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="31"/>
        <source>Leave empty for the service&apos;s own sign-in server.</source>
        <translation>Laisser vide pour utiliser le serveur de connexion propre au service.</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="46"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="47"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="48"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="58"/>
        <source>Secrets are kept in the QGIS authentication database, protected by your master password; EO Explorer&apos;s settings hold only a reference to them.</source>
        <translation>Les secrets sont conservés dans la base de données d'authentification de QGIS, protégée par votre mot de passe principal ; les paramètres d'EO Explorer n'en contiennent qu'une référence.</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="32"/>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="33"/>
        <source>the bucket name in s3://bucket/…</source>
        <translation>le nom du bucket dans s3://bucket/…</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="34"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="35"/>
        <source>us-east-1</source>
        <translation>us-east-1</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="38"/>
        <source>Public bucket (no keys)</source>
        <translation>Bucket public (sans clés)</translation>
    </message>
    <message>
        <location filename="../ui/accounts_dialog.ui" line="39"/>
        <source>Requester pays</source>
        <translation>Paiement par le demandeur</translation>
    </message>
</context>
<context>
    <name>AssetsPanel</name>
    <message>
        <location filename="../ui/assets_panel.ui" line="29"/>
        <source>Download folder</source>
        <translation>Dossier de téléchargement</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="29"/>
        <source>Files are saved as &lt;collection&gt;/&lt;item id&gt;/&lt;file&gt; under this folder</source>
        <translation>Les fichiers sont enregistrés sous &lt;collection&gt;/&lt;item id&gt;/&lt;file&gt; dans ce dossier</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="15"/>
        <source>Asset</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="16"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="17"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="22"/>
        <source>Tick</source>
        <translation>Cocher</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="23"/>
        <source>Tick this asset in every selected item</source>
        <translation>Cocher cette ressource dans chaque élément sélectionné</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="24"/>
        <source>in all items</source>
        <translation>dans tous les éléments</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="34"/>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="34"/>
        <source>Download the ticked assets and load the rasters</source>
        <translation>Télécharger les ressources cochées et charger les rasters</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="35"/>
        <source>Stream</source>
        <translation>Ouvrir en flux</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="35"/>
        <source>Open the ticked Cloud-Optimized GeoTIFFs without downloading them</source>
        <translation>Ouvrir les Cloud-Optimized GeoTIFF cochés sans les télécharger</translation>
    </message>
    <message>
        <location filename="../ui/assets_panel.ui" line="36"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>CatalogsDialog</name>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="6"/>
        <source>EO Explorer – Catalogs</source>
        <translation>EO Explorer – Catalogues</translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="13"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="15"/>
        <source>STAC API URL</source>
        <translation>URL de l'API STAC</translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="24"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="25"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/catalogs_dialog.ui" line="26"/>
        <source>Restore preset</source>
        <translation>Rétablir le préréglage</translation>
    </message>
</context>
<context>
    <name>ConstellrAreas</name>
    <message>
        <location filename="../ui/constellr_areas.ui" line="12"/>
        <source>New area of interest</source>
        <translation>Nouvelle zone d'intérêt</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="15"/>
        <source>From</source>
        <translation>À partir de</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="20"/>
        <source>Polygon drawn on the map</source>
        <translation>Polygone dessiné sur la carte</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="21"/>
        <source>Click vertices on the map; right-click or double-click to finish. Drag a vertex to edit, Backspace removes the last one, Esc cancels.</source>
        <translation>Cliquez sur la carte pour placer les sommets ; clic droit ou double-clic pour terminer. Faites glisser un sommet pour le modifier, Retour arrière supprime le dernier, Échap annule.</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="21"/>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="24"/>
        <source>Current map extent</source>
        <translation>Emprise actuelle du canevas</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="25"/>
        <source>Selected feature of a layer</source>
        <translation>Entité sélectionnée d'une couche</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="52"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="30"/>
        <source>A name unique in the workspace, e.g. North field</source>
        <translation>Un nom unique dans l'espace de travail, p. ex. Champ nord</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="31"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="35"/>
        <source>Ask Constellr for the bounding box and area of the polygon</source>
        <translation>Demander à Constellr le rectangle englobant et la superficie du polygone</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="35"/>
        <source>Measure</source>
        <translation>Mesurer</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="36"/>
        <source>Create area</source>
        <translation>Créer la zone</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="43"/>
        <source>Areas of interest of the workspace</source>
        <translation>Zones d'intérêt de l'espace de travail</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="53"/>
        <source>Bounding box</source>
        <translation>Rectangle englobant</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="54"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="59"/>
        <source>Zoom to</source>
        <translation>Zoomer sur</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="60"/>
        <source>Deliveries</source>
        <translation>Livraisons</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="60"/>
        <source>Find the products delivered for this area</source>
        <translation>Rechercher les produits livrés pour cette zone</translation>
    </message>
    <message>
        <location filename="../ui/constellr_areas.ui" line="61"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>ConstellrDeliveries</name>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="10"/>
        <source>Choose an order or an area and press Deliveries.</source>
        <translation>Choisissez une commande ou une zone, puis cliquez sur Livraisons.</translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="15"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="16"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="17"/>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="23"/>
        <source>Open LST</source>
        <translation>Ouvrir les LST</translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="23"/>
        <source>Stream the ticked LST rasters (Cloud-Optimized GeoTIFFs) with a temperature colour ramp</source>
        <translation>Ouvrir en flux les rasters LST cochés (Cloud-Optimized GeoTIFF) avec une palette de couleurs de température</translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="24"/>
        <source>Download LST</source>
        <translation>Télécharger les LST</translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="24"/>
        <source>Download the ticked LST rasters to the folder and load them</source>
        <translation>Télécharger les rasters LST cochés dans le dossier et les charger</translation>
    </message>
    <message>
        <location filename="../ui/constellr_deliveries.ui" line="25"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ConstellrDock</name>
    <message>
        <location filename="../ui/constellr_dock.ui" line="6"/>
        <source>EO Explorer – Constellr</source>
        <translation>EO Explorer – Constellr</translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="16"/>
        <source>The Constellr account (workspace API key)</source>
        <translation>Le compte Constellr (clé d'API de l'espace de travail)</translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="16"/>
        <source>Accounts…</source>
        <translation>Comptes…</translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="17"/>
        <source>Read products, use cases, areas and orders again</source>
        <translation>Relire les produits, cas d'usage, zones et commandes</translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="24"/>
        <source>Areas</source>
        <translation>Zones</translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="28"/>
        <source>New order</source>
        <translation>Nouvelle commande</translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="32"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../ui/constellr_dock.ui" line="36"/>
        <source>Deliveries</source>
        <translation>Livraisons</translation>
    </message>
</context>
<context>
    <name>ConstellrOrderForm</name>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="16"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="19"/>
        <source>Use case</source>
        <translation>Cas d'usage</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="22"/>
        <source>Areas</source>
        <translation>Zones</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="23"/>
        <source>Tick the areas of interest to order for: one order per area, all with this specification</source>
        <translation>Cochez les zones d'intérêt à commander : une commande par zone, toutes avec cette spécification</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="25"/>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="29"/>
        <source>Dates are days in UTC</source>
        <translation>Les dates sont des jours en UTC</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="28"/>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="31"/>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="34"/>
        <source>Illumination</source>
        <translation>Éclairement</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="35"/>
        <source>Whether imaging takes place during the astronomical day, night or either</source>
        <translation>Indique si l'acquisition a lieu pendant le jour astronomique, la nuit, ou l'un ou l'autre</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="37"/>
        <source>Max. images</source>
        <translation>Images max.</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="38"/>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="40"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="41"/>
        <source>comma-separated, e.g. field42, wheat</source>
        <translation>séparés par des virgules, p. ex. champ42, blé</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="43"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../ui/constellr_order_form.ui" line="53"/>
        <source>Place orders</source>
        <translation>Passer les commandes</translation>
    </message>
</context>
<context>
    <name>ConstellrOrders</name>
    <message>
        <location filename="../ui/constellr_orders.ui" line="13"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="27"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="28"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="29"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="30"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="31"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="32"/>
        <source>Rejection reason</source>
        <translation>Motif du rejet</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="33"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="34"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="41"/>
        <source>Tags of the selected order, comma-separated</source>
        <translation>Mots-clés de la commande sélectionnée, séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="42"/>
        <source>Save tags</source>
        <translation>Enregistrer les mots-clés</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="48"/>
        <source>Deliveries</source>
        <translation>Livraisons</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="48"/>
        <source>Find the products delivered for this order</source>
        <translation>Rechercher les produits livrés pour cette commande</translation>
    </message>
    <message>
        <location filename="../ui/constellr_orders.ui" line="49"/>
        <source>Delete order</source>
        <translation>Supprimer la commande</translation>
    </message>
</context>
<context>
    <name>ProcessDock</name>
    <message>
        <location filename="../ui/process_dock.ui" line="6"/>
        <source>EO Explorer – Process</source>
        <translation>EO Explorer – Process</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="20"/>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="24"/>
        <source>Accounts: Sentinel Hub, Sentinel Hub on Copernicus Data Space</source>
        <translation>Comptes : Sentinel Hub, Sentinel Hub sur Copernicus Data Space</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="24"/>
        <source>Accounts…</source>
        <translation>Comptes…</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="27"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="31"/>
        <source>BYOC collection id, e.g. 017aa0ae-33a6-45d3-8548-0f7d1041b40c</source>
        <translation>Identifiant de collection BYOC, p. ex. 017aa0ae-33a6-45d3-8548-0f7d1041b40c</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="34"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="37"/>
        <source>Current map extent</source>
        <translation>Emprise actuelle du canevas</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="40"/>
        <source>Polygon drawn on the map</source>
        <translation>Polygone dessiné sur la carte</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="41"/>
        <source>Click vertices on the map; right-click or double-click to finish. Drag a vertex to edit, Backspace removes the last one, Esc cancels.</source>
        <translation>Cliquez sur la carte pour placer les sommets ; clic droit ou double-clic pour terminer. Faites glisser un sommet pour le modifier, Retour arrière supprime le dernier, Échap annule.</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="41"/>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="44"/>
        <source>Selected features of a layer</source>
        <translation>Entités sélectionnées d'une couche</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="46"/>
        <source>The footprints selected in a search result layer (the Search dock&apos;s table)</source>
        <translation>Les empreintes sélectionnées dans une couche de résultats de recherche (la table du panneau Recherche)</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="46"/>
        <source>Selected search footprints</source>
        <translation>Empreintes de recherche sélectionnées</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="49"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="53"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="57"/>
        <source>Mosaicking</source>
        <translation>Mosaïquage</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="58"/>
        <source>Which acquisition is on top where several cover a pixel</source>
        <translation>L'acquisition placée au-dessus là où plusieurs couvrent un même pixel</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="59"/>
        <source>Max. cloud cover</source>
        <translation>Couverture nuageuse max.</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="60"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="61"/>
        <source>Resampling</source>
        <translation>Rééchantillonnage</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="64"/>
        <source>up</source>
        <translation>suréch.</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="66"/>
        <source>down</source>
        <translation>sous-éch.</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="72"/>
        <source>Sentinel-1</source>
        <translation>Sentinel-1</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="74"/>
        <source>Polarization</source>
        <translation>Polarisation</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="76"/>
        <source>Backscatter coefficient</source>
        <translation>Coefficient de rétrodiffusion</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="78"/>
        <source>Orthorectify</source>
        <translation>Orthorectifier</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="79"/>
        <source>Speckle filter</source>
        <translation>Filtre de speckle</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="84"/>
        <source>Elevation model</source>
        <translation>Modèle d'élévation</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="86"/>
        <source>Evalscript</source>
        <translation>Evalscript</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="92"/>
        <source>Load an evalscript from a file</source>
        <translation>Charger un evalscript depuis un fichier</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="92"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="93"/>
        <source>Save the evalscript to a file</source>
        <translation>Enregistrer l'evalscript dans un fichier</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="93"/>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="100"/>
        <source>Output CRS</source>
        <translation>SCR de sortie</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="103"/>
        <source>UTM zone of the area</source>
        <translation>Fuseau UTM de la zone</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="106"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="112"/>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="115"/>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="116"/>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="117"/>
        <source>Width × height</source>
        <translation>Largeur × hauteur</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="120"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="123"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="132"/>
        <source>Request imagery</source>
        <translation>Demander l'imagerie</translation>
    </message>
    <message>
        <location filename="../ui/process_dock.ui" line="133"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../ui/search_dock.ui" line="6"/>
        <source>EO Explorer – Search</source>
        <translation>EO Explorer – Recherche</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="40"/>
        <source>Catalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="44"/>
        <source>Add, edit or remove catalogs</source>
        <translation>Ajouter, modifier ou supprimer des catalogues</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="48"/>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="53"/>
        <source>Type to filter collections</source>
        <translation>Saisir pour filtrer les collections</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="54"/>
        <source>Read the catalog&apos;s collections again</source>
        <translation>Relire les collections du catalogue</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="61"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="68"/>
        <source>Click vertices on the map; right-click or double-click to finish. Drag a vertex to edit, Backspace removes the last one, Esc cancels.</source>
        <translation>Cliquez sur la carte pour placer les sommets ; clic droit ou double-clic pour terminer. Faites glisser un sommet pour le modifier, Retour arrière supprime le dernier, Échap annule.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="68"/>
        <source>Draw</source>
        <translation>Dessiner</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="75"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="78"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="80"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="86"/>
        <source>Cloud cover</source>
        <translation>Couverture nuageuse</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="89"/>
        <source>at most</source>
        <translation>au plus</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="90"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="94"/>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="96"/>
        <source>Max. items</source>
        <translation>Éléments max.</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="109"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="110"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="45"/>
        <source>Accounts: Sentinel Hub, Copernicus Data Space, Constellr, ESA MAAP, custom catalogs</source>
        <translation>Comptes : Sentinel Hub, Copernicus Data Space, Constellr, ESA MAAP, catalogues personnalisés</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="45"/>
        <source>Accounts…</source>
        <translation>Comptes…</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="140"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="161"/>
        <source>Assets</source>
        <translation>Ressources</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="16"/>
        <source>Show or hide the search form</source>
        <translation>Afficher ou masquer le formulaire de recherche</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="64"/>
        <source>Map extent</source>
        <translation>Emprise de la carte</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="67"/>
        <source>Drawn polygon</source>
        <translation>Polygone dessiné</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="71"/>
        <source>Selected features</source>
        <translation>Entités sélectionnées</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="82"/>
        <source>Map time</source>
        <translation>Temps de la carte</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="82"/>
        <source>Use the time the map shows: the Temporal Controller's range when it is on, else the project's time range (Project ▸ Properties ▸ Temporal)</source>
        <translation>Utiliser le temps affiché par la carte : la plage du contrôleur temporel s’il est actif, sinon la plage temporelle du projet (Projet ▸ Propriétés ▸ Temporel)</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="83"/>
        <source>Dates with data</source>
        <translation>Dates avec données</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="83"/>
        <source>Sentinel Hub Catalog: the dates with images for the chosen collection, area and dates, in bold in the calendars</source>
        <translation>Sentinel Hub Catalog : les dates avec des images pour la collection, la zone et les dates choisies, en gras dans les calendriers</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="95"/>
        <source>CQL2, e.g. platform = &apos;sentinel-2a&apos;</source>
        <translation>CQL2, p. ex. platform = 'sentinel-2a'</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="95"/>
        <source>A CQL2 text filter, e.g. platform = &apos;sentinel-2a&apos;</source>
        <translation>Un filtre CQL2 texte, p. ex. platform = 'sentinel-2a'</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="100"/>
        <source>Which items a search brings first, and so which ones the maximum keeps (for catalogs that can sort)</source>
        <translation>Les éléments qu’une recherche ramène en premier, et donc ceux que le maximum conserve (pour les catalogues qui savent trier)</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="120"/>
        <source>Best cover</source>
        <translation>Meilleure couverture</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="120"/>
        <source>Select the fewest, least cloudy footprints that cover the search area</source>
        <translation>Sélectionner les empreintes les moins nombreuses et les moins nuageuses qui couvrent la zone de recherche</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="121"/>
        <source>Quicklooks</source>
        <translation>Aperçus</translation>
    </message>
    <message>
        <location filename="../ui/search_dock.ui" line="121"/>
        <source>Show the previews of the selected footprints (or of those in the map view) on the map, under the outlines</source>
        <translation>Afficher sur la carte, sous les contours, les aperçus des empreintes sélectionnées (ou de celles de la vue de la carte)</translation>
    </message>
</context>
</TS>
