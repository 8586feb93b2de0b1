//VERSION=3
// Landsat 8/9 collection 2 level 2 true colour (B04, B03, B02 surface reflectance).
function setup() {
  return {
    input: [{ bands: ["B02", "B03", "B04", "dataMask"] }],
    output: { bands: 3, sampleType: "UINT8" }
  };
}

function evaluatePixel(sample) {
  if (sample.dataMask === 0) {
    return [0, 0, 0];
  }
  const gain = 2.5 * 255;
  return [sample.B04 * gain, sample.B03 * gain, sample.B02 * gain];
}
