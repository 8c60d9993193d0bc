/**
 * A strict reader of Prometheus' text exposition format (version 0.0.4), for tests: every line
 * must be a HELP, a TYPE or a sample of a declared family, or it throws. (The npm parser we
 * tried merges a labelled histogram's series into one.)
 */
export interface Sample {
  /** The sample's own name: a histogram family `x` has `x_bucket`, `x_sum` and `x_count`. */
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const HELP = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(?:,|$)/;
const SUFFIXES: Record<Family['type'], string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const match = LABEL.exec(rest);
    if (!match?.[1]) throw new Error(`malformed labels in: ${line}`);
    labels[match[1]] = (match[2] ?? '').replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(match[0].length);
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  // As Prometheus reads them (Go's ParseFloat): Inf and NaN in any case; prom-client writes "Nan".
  if (/^\+?inf$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (/^nan$/i.test(text)) return Number.NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a number in: ${line}`);
  return value;
}

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const familyOf = (name: string) => {
    const family = families.get(name);
    if (family) return family;
    const created: Family = { name, help: '', type: 'untyped', samples: [] };
    families.set(name, created);
    return created;
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const help = HELP.exec(line);
    const type = TYPE.exec(line);
    if (help?.[1]) familyOf(help[1]).help = help[2] ?? '';
    else if (type?.[1]) familyOf(type[1]).type = type[2] as Family['type'];
    else if (line.startsWith('#')) continue;
    else {
      const sample = SAMPLE.exec(line);
      if (!sample?.[1] || !sample[3]) throw new Error(`not a sample line: ${line}`);
      const name = sample[1];
      const owner = [...families.values()].find((family) =>
        SUFFIXES[family.type].some((suffix) => `${family.name}${suffix}` === name),
      );
      if (!owner) throw new Error(`sample of an undeclared family: ${line}`);
      owner.samples.push({
        name,
        labels: parseLabels(sample[2] ?? '', line),
        value: parseValue(sample[3], line),
      });
    }
  }
  return families;
}
