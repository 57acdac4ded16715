// Step results, printed as they happen, and the closing 'N passed, N failed' line.
const results = [];

export async function step(name, run, { fatal = true } = {}) {
  try {
    const value = await run();
    results.push(true);
    console.log(`PASS ${name}`);
    return value;
  } catch (error) {
    results.push(false);
    console.log(`FAIL ${name}\n${indent(error.message)}`);
    if (fatal) throw error;
    return undefined;
  }
}

export function note(title, lines) {
  if (lines.length > 0) console.log(`     ${title}:\n${indent(lines.join('\n'))}`);
}

export function summary() {
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0;
}

function indent(text) {
  return text.split('\n').map((line) => `       ${line}`).join('\n');
}
