//VERSION=3
// Sentinel-1 GRD VV backscatter in decibels (single polarization products work too).
function setup() {
  return {
    input: [{ bands: ["VV", "dataMask"] }],
    output: { bands: 1, sampleType: "FLOAT32", nodataValue: NaN }
  };
}

function evaluatePixel(sample) {
  if (sample.dataMask === 0 || sample.VV <= 0) {
    return [NaN];
  }
  return [10 * Math.log(sample.VV) / Math.LN10];
}
