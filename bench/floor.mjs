// The floor that engine figures are compared with (bench/run.mjs, bench/engine-instructions.mjs).

/** The floor: split into lines and read every character once. */
export function floor(text) {
  let sum = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (const l of lines) for (let i = 0; i < l.length; i++) sum = (sum + l.charCodeAt(i)) | 0;
  return sum + lines.length;
}
