//VERSION=3
// Normalized difference vegetation index (B08 - B04) / (B08 + B04) of Sentinel-2, -1 to 1.
// No data (outside the area, no acquisition) is NaN, marked as the GeoTIFF's no-data value.
function setup() {
  return {
    input: [{ bands: ["B04", "B08", "dataMask"] }],
    output: { bands: 1, sampleType: "FLOAT32", nodataValue: NaN }
  };
}

function evaluatePixel(sample) {
  const sum = sample.B08 + sample.B04;
  if (sample.dataMask === 0 || sum === 0) {
    return [NaN];
  }
  return [(sample.B08 - sample.B04) / sum];
}
