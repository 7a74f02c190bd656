// Command-line options of the bench's diagnostic tools (cache-profile.mjs, gc-share.mjs,
// memory-latency.mjs, survivors.mjs): every option is `--name value`, a positive integer, or a
// comma-separated list of them where the default is a list. A bad flag or value exits with code 2
// and a message naming it.

/** Prints `${tool}: ${message}` and exits with code 2. */
export function fail(tool, message) {
  console.error(`${tool}: ${message}`);
  process.exit(2);
}

function positiveInteger(tool, name, text) {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) fail(tool, `--${name} must be a positive integer (got ${text})`);
  return value;
}

/**
 * `argv` parsed against `defaults` (option name → number or array of numbers); `--help` prints
 * `help` and exits with code 0.
 */
export function parseOptions(tool, argv, defaults, help) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help') {
      console.log(help);
      process.exit(0);
    }
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !(name in defaults)) fail(tool, `unknown option ${argv[i]} (see --help)`);
    const text = argv[i + 1];
    if (text === undefined) fail(tool, `--${name} needs a value (see --help)`);
    options[name] = Array.isArray(defaults[name])
      ? text.split(',').map((part) => positiveInteger(tool, name, part))
      : positiveInteger(tool, name, text);
    i++;
  }
  return options;
}
