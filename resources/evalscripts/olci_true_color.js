//VERSION=3
// Sentinel-3 OLCI true colour (Oa08, Oa06, Oa04 radiances, brightened).
function setup() {
  return {
    input: [{ bands: ["B04", "B06", "B08", "dataMask"] }],
    output: { bands: 3, sampleType: "UINT8" }
  };
}

function evaluatePixel(sample) {
  if (sample.dataMask === 0) {
    return [0, 0, 0];
  }
  const gain = 2.5 * 255;
  return [sample.B08 * gain, sample.B06 * gain, sample.B04 * gain];
}
