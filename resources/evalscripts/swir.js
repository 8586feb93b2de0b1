//VERSION=3
// Short-wave infrared composite (B12, B8A, B04) of Sentinel-2: burn scars, moisture, geology.
function setup() {
  return {
    input: [{ bands: ["B04", "B8A", "B12", "dataMask"] }],
    output: { bands: 3, sampleType: "UINT8" }
  };
}

function evaluatePixel(sample) {
  if (sample.dataMask === 0) {
    return [0, 0, 0];
  }
  const gain = 2.5 * 255;
  return [sample.B12 * gain, sample.B8A * gain, sample.B04 * gain];
}
