//VERSION=3
// NDVI for the Statistical API: the index (B08 - B04) / (B08 + B04) as the output "ndvi", and
// the output "dataMask" saying which pixels count: no acquisition, clouds and cloud shadows
// (scene classification 3, 8, 9, 10) are left out of the statistics.
function setup() {
  return {
    input: [{ bands: ["B04", "B08", "SCL", "dataMask"] }],
    output: [
      { id: "ndvi", bands: 1, sampleType: "FLOAT32", nodataValue: NaN },
      { id: "dataMask", bands: 1 }
    ]
  };
}

function evaluatePixel(sample) {
  const sum = sample.B08 + sample.B04;
  const cloudy = [3, 8, 9, 10].includes(sample.SCL);
  const valid = sample.dataMask === 1 && sum !== 0 && !cloudy;
  return {
    ndvi: [valid ? (sample.B08 - sample.B04) / sum : NaN],
    dataMask: [valid ? 1 : 0]
  };
}
