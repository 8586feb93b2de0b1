//VERSION=3
// Sentinel-3 SLSTR brightness temperature of band S8 (10.8 µm), in kelvin. No data is NaN.
function setup() {
  return {
    input: [{ bands: ["S8", "dataMask"] }],
    output: { bands: 1, sampleType: "FLOAT32", nodataValue: NaN }
  };
}

function evaluatePixel(sample) {
  if (sample.dataMask === 0) {
    return [NaN];
  }
  return [sample.S8];
}
