<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Outlines only: hundreds of overlapping translucent fills add up to an opaque colour that
     hides the imagery under the footprints, and QGIS paints a selected polygon's fill solid
     in the selection colour. A selected footprint's outline is drawn by QGIS in the
     selection colour (thicker on QGIS 3.34+, see footprints.style_footprints). No
     data-defined property may call is_selected() or another layer function: on QGIS 3.40+
     the drawing threads then wait on the GUI thread for every footprint, and hang QGIS
     when the GUI thread waits on them. -->
<qgis version="3.22" styleCategories="Symbology|Labeling" labelsEnabled="0">
  <renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" enableorderby="0">
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" locked="0" enabled="1">
          <Option type="Map">
            <Option type="QString" name="line_color" value="230,110,0,255"/>
            <Option type="QString" name="line_style" value="solid"/>
            <Option type="QString" name="line_width" value="0.4"/>
            <Option type="QString" name="line_width_unit" value="MM"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <layerGeometryType>2</layerGeometryType>
</qgis>
