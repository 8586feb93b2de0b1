//VERSION=3
// Sentinel-1 GRD backscatter in decibels: band 1 VV, band 2 VH. No data is NaN.
// Needs a product with both polarizations (IW mode, polarization DV).
function setup() {
  return {
    input: [{ bands: ["VV", "VH", "dataMask"] }],
    output: { bands: 2, sampleType: "FLOAT32", nodataValue: NaN }
  };
}

function toDb(linear) {
  return linear > 0 ? 10 * Math.log(linear) / Math.LN10 : NaN;
}

function evaluatePixel(sample) {
  if (sample.dataMask === 0) {
    return [NaN, NaN];
  }
  return [toDb(sample.VV), toDb(sample.VH)];
}
