//VERSION=3
// NDWI for the Statistical API: the index (B03 - B08) / (B03 + B08) as the output "ndwi", and
// the output "dataMask" saying which pixels count: no acquisition, clouds and cloud shadows
// (scene classification 3, 8, 9, 10) are left out of the statistics.
function setup() {
  return {
    input: [{ bands: ["B03", "B08", "SCL", "dataMask"] }],
    output: [
      { id: "ndwi", bands: 1, sampleType: "FLOAT32", nodataValue: NaN },
      { id: "dataMask", bands: 1 }
    ]
  };
}

function evaluatePixel(sample) {
  const sum = sample.B03 + sample.B08;
  const cloudy = [3, 8, 9, 10].includes(sample.SCL);
  const valid = sample.dataMask === 1 && sum !== 0 && !cloudy;
  return {
    ndwi: [valid ? (sample.B03 - sample.B08) / sum : NaN],
    dataMask: [valid ? 1 : 0]
  };
}
