//VERSION=3
// Elevation in metres from the DEM collection (Copernicus or Mapzen).
function setup() {
  return {
    input: [{ bands: ["DEM", "dataMask"] }],
    output: { bands: 1, sampleType: "FLOAT32", nodataValue: NaN }
  };
}

function evaluatePixel(sample) {
  if (sample.dataMask === 0) {
    return [NaN];
  }
  return [sample.DEM];
}
