//VERSION=3
// Normalized difference water index (McFeeters): (B03 - B08) / (B03 + B08) of Sentinel-2.
// Open water is above 0. No data is NaN.
function setup() {
  return {
    input: [{ bands: ["B03", "B08", "dataMask"] }],
    output: { bands: 1, sampleType: "FLOAT32", nodataValue: NaN }
  };
}

function evaluatePixel(sample) {
  const sum = sample.B03 + sample.B08;
  if (sample.dataMask === 0 || sum === 0) {
    return [NaN];
  }
  return [(sample.B03 - sample.B08) / sum];
}
