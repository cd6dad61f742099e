/**
 * Just enough YAML for .m365agentsplayground.yml: nested block maps, block lists of maps, plain or quoted
 * string scalars, whole-line comments. Anything else throws, so the file cannot drift into syntax this
 * does not read. (No YAML package is a declared dependency; js-yaml in node_modules is only jest's.)
 */
export type YamlValue = string | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  no: number;
  indent: number;
  text: string;
}

export function parseYamlSubset(source: string): YamlValue {
  const lines: Line[] = source
    .split('\n')
    .map((raw, index) => ({ no: index + 1, indent: raw.search(/\S/), text: raw.trim() }))
    .filter((line) => line.indent >= 0 && !line.text.startsWith('#'));
  let i = 0;
  const fail = (why: string): never => {
    const line = lines[Math.min(i, lines.length - 1)];
    throw new Error(`YAML line ${line.no} ("${line.text}"): ${why}`);
  };

  const isItem = (line: Line) => line.text.startsWith('- ');
  const block = (indent: number): YamlValue => (isItem(lines[i]) ? list(indent) : map(indent));

  function map(indent: number): Record<string, YamlValue> {
    const out: Record<string, YamlValue> = {};
    while (i < lines.length && lines[i].indent === indent && !isItem(lines[i])) {
      const match = /^([\w-]+):(?:\s+(.*))?$/.exec(lines[i].text) ?? fail('expected "key: value" or "key:"');
      const [, key, value] = match;
      if (key in out) fail(`duplicate key ${key}`);
      i += 1;
      if (value !== undefined) out[key] = scalar(value);
      else if (i < lines.length && lines[i].indent > indent) out[key] = block(lines[i].indent);
      else fail(`key ${key} has no value`);
    }
    return out;
  }

  function list(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    while (i < lines.length && lines[i].indent === indent && isItem(lines[i])) {
      // "- key: value" opens a map whose keys sit two columns further in.
      lines[i] = { ...lines[i], indent: indent + 2, text: lines[i].text.slice(2).trim() };
      out.push(map(indent + 2));
    }
    return out;
  }

  const root = map(0);
  if (i < lines.length) fail('unexpected indentation');
  return root;
}

function scalar(text: string): string {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (/^[[{&*!|>%@`]/.test(text) || / #/.test(text)) throw new Error(`unsupported YAML scalar: ${text}`);
  return text;
}
