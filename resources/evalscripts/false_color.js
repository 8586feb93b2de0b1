//VERSION=3
// False colour infrared (near infrared, red, green) of Sentinel-2: vegetation shows red.
function setup() {
  return {
    input: [{ bands: ["B03", "B04", "B08", "dataMask"] }],
    output: { bands: 3, sampleType: "UINT8" }
  };
}

function evaluatePixel(sample) {
  if (sample.dataMask === 0) {
    return [0, 0, 0];
  }
  const gain = 2.5 * 255;
  return [sample.B08 * gain, sample.B04 * gain, sample.B03 * gain];
}
