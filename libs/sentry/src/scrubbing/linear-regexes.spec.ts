import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { CREDENTIAL_TRIGGER } from './credential-patterns';
import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';
import { VENDOR_KEY_TRIGGER } from './vendor-key-patterns';

/**
 * No regex of the engine can backtrack catastrophically, checked on the shape of each regex,
 * not on a clock: a repetition that may repeat more than once must not hold another variable
 * repetition or an alternation (`(a+)+`, `(a|ab)*`), and no backreference. Such a repetition is
 * allowed when each round can be read only one way (see `isUnambiguousRound`): alternatives
 * told apart by their first character, each of fixed length (`(?:[^"\\]|\\.)*`), cut where
 * the next round starts (`(?:&[^&]*)*`), or ended by a character its variable part cannot
 * match (`(?:[a-z]+\.)*`).
 * Run time on growing adversarial input is measured, not asserted, by `bench/scrubber.bench.ts`
 * (adversarial inputs scaling).
 */

type Node =
  | { kind: 'atom'; source: string }
  | { kind: 'assertion' }
  | { kind: 'backreference' }
  | { kind: 'group'; branches: Node[][] }
  | { kind: 'repeat'; min: number; max: number; body: Node };

const QUANTIFIER = /^\{(\d+)(?:(,)(\d*))?\}/;

/** A small parser for JavaScript regex syntax: enough to see repetitions, groups and atoms. */
function parse(source: string): Node {
  let at = 0;

  function escape(): Node {
    const start = at;
    const next = source[at + 1];
    if (/[1-9]/.test(next)) {
      at += 2;
      while (/\d/.test(source[at] ?? '')) at++;
      return { kind: 'backreference' };
    }
    if (next === 'k' && source[at + 2] === '<') {
      at = source.indexOf('>', at) + 1;
      return { kind: 'backreference' };
    }
    if (next === 'b' || next === 'B') {
      at += 2;
      return { kind: 'assertion' };
    }
    at += 2;
    if ((next === 'u' || next === 'p' || next === 'P') && source[at] === '{') at = source.indexOf('}', at) + 1;
    else if (next === 'u') at += 4;
    else if (next === 'x') at += 2;
    else if (next === 'c') at += 1;
    return { kind: 'atom', source: source.slice(start, at) };
  }

  function characterClass(): Node {
    const start = at;
    at++;
    if (source[at] === ']') at++;
    while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
    at++;
    return { kind: 'atom', source: source.slice(start, at) };
  }

  function term(): Node {
    const char = source[at];
    if (char === '\\') return escape();
    if (char === '[') return characterClass();
    if (char === '^' || char === '$') {
      at++;
      return { kind: 'assertion' };
    }
    if (char === '(') {
      at++;
      if (source[at] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name> and modifiers (?i:): skip to where the body starts.
        const name = /^\?<(?![=!])[^>]*>/.exec(source.slice(at));
        at += name ? name[0].length : /^\?(?:<[=!]|[=!:]|[a-z-]*:)/.exec(source.slice(at))![0].length;
      }
      const branches = alternatives();
      at++; // ')'
      return { kind: 'group', branches };
    }
    at++;
    return { kind: 'atom', source: char };
  }

  function quantified(body: Node): Node {
    const char = source[at];
    let min: number;
    let max: number;
    if (char === '*' || char === '+' || char === '?') {
      [min, max] = char === '*' ? [0, Infinity] : char === '+' ? [1, Infinity] : [0, 1];
      at++;
    } else {
      const braces = QUANTIFIER.exec(source.slice(at));
      if (!braces) return body;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
      at += braces[0].length;
    }
    if (source[at] === '?') at++; // lazy: the same shape
    return { kind: 'repeat', min, max, body };
  }

  function sequence(): Node[] {
    const nodes: Node[] = [];
    while (at < source.length && source[at] !== '|' && source[at] !== ')') nodes.push(quantified(term()));
    return nodes;
  }

  function alternatives(): Node[][] {
    const branches = [sequence()];
    while (source[at] === '|') {
      at++;
      branches.push(sequence());
    }
    return branches;
  }

  return { kind: 'group', branches: alternatives() };
}

function children(node: Node): Node[] {
  if (node.kind === 'group') return node.branches.flat();
  return node.kind === 'repeat' ? [node.body] : [];
}

function some(node: Node, test: (node: Node) => boolean): boolean {
  return test(node) || children(node).some((child) => some(child, test));
}

/** Atoms that a variable repetition inside `node` may match any number of times. */
function variableAtoms(node: Node, insideVariable = false): string[] {
  if (node.kind === 'atom') return insideVariable ? [node.source] : [];
  const variable = insideVariable || (node.kind === 'repeat' && node.min !== node.max);
  return children(node).flatMap((child) => variableAtoms(child, variable));
}

/** Whether one atom (a character, a class, an escape) matches a character of the BMP. */
function matcherOf(atom: string, flags: string): (char: string) => boolean {
  const single = new RegExp(`^(?:${atom})$`, flags.replace(/[gy]/g, ''));
  return (char) => single.test(char);
}

function excludeEachOther(atoms: string[], flags: string): boolean {
  const matchers = atoms.map((atom) => matcherOf(atom, flags));
  for (let code = 0; code <= 0xffff; code++) {
    const char = String.fromCharCode(code);
    if (matchers.filter((matches) => matches(char)).length > 1) return false;
  }
  return true;
}

const disjointCache = new Map<string, boolean>();
/** No character of the BMP matches both atoms. */
function disjoint(a: string, b: string, flags: string): boolean {
  const key = `${a}\u0000${b}\u0000${flags}`;
  let result = disjointCache.get(key);
  if (result === undefined) {
    const [matchA, matchB] = [matcherOf(a, flags), matcherOf(b, flags)];
    result = true;
    for (let code = 0; code <= 0xffff && result; code++) result = !(matchA(String.fromCharCode(code)) && matchB(String.fromCharCode(code)));
    disjointCache.set(key, result);
  }
  return result;
}

const atomSource = (node: Node | undefined): string | undefined => (node?.kind === 'atom' && node.source !== '.' ? node.source : undefined);

/**
 * Each round of a repetition of `body` can be read only one way: its alternatives are told apart
 * by their first character, and within each, the variable part ends where it must —
 * - fixed length, or
 * - it starts with a character no variable atom of it can match, nor any round's first
 *   character (`(?:&[^&]*)*`): rounds are cut where the next one starts;
 * - or it ends with a character no variable atom before it can match (`(?:[a-z]+\.)*`),
 *   maybe followed by optional characters that cannot start a round (`(?:\(\d+\) ?)*`).
 */
function isUnambiguousRound(body: Node, flags: string): boolean {
  const branches = body.kind === 'group' ? body.branches : [[body]];
  // What a round's first character can be: its first atom, or the atom a leading `x{1,n}` repeats.
  const starts = branches.map(([head]) => atomSource(head?.kind === 'repeat' && head.min >= 1 ? head.body : head));
  if (starts.some((start) => start === undefined) && branches.length > 1) return false;
  if (branches.length > 1 && !excludeEachOther(starts as string[], flags)) return false;
  const notAStart = (atom: string) => starts.every((start) => start !== undefined && disjoint(atom, start, flags));
  return branches.every((branch) => {
    const variable = branch.flatMap((node) => variableAtoms(node));
    if (variable.length === 0) return true;
    const first = atomSource(branch[0]);
    if (first !== undefined && variable.every((atom) => disjoint(atom, first, flags) && notAStart(atom))) return true;
    let end = branch.length - 1;
    const trailing: string[] = [];
    for (let node = branch[end]; node?.kind === 'repeat' && node.min === 0 && node.max === 1 && atomSource(node.body); node = branch[--end]) trailing.push(atomSource(node.body)!);
    const last = atomSource(branch[end]);
    const before = branch.slice(0, end).flatMap((node) => variableAtoms(node));
    return last !== undefined && before.every((atom) => disjoint(atom, last, flags)) && trailing.every(notAStart);
  });
}

/** What makes a regex able to backtrack catastrophically; empty when its shape is linear. */
function backtrackingRisks(regex: RegExp): string[] {
  const risks: string[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'backreference') risks.push('a backreference');
    if (node.kind === 'repeat' && node.max > 1 && !isUnambiguousRound(node.body, regex.flags)) {
      const isVariableRepeat = (inner: Node): boolean => inner.kind === 'repeat' && inner.min !== inner.max;
      const isAlternation = (inner: Node): boolean => inner.kind === 'group' && inner.branches.length > 1;
      if (children(node).some((child) => some(child, isVariableRepeat))) risks.push('a variable repetition inside a repetition');
      if (children(node).some((child) => some(child, isAlternation))) risks.push('an alternation inside a repetition');
    }
    children(node).forEach(visit);
  };
  visit(parse(regex.source));
  return risks;
}

/** Every regex literal written in the engine's source files (tests excluded). */
function regexLiteralsOfTheEngine(): RegExp[] {
  const found: RegExp[] = [];
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))) {
    const text = readFileSync(join(__dirname, file), 'utf8');
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = (node as ts.RegularExpressionLiteral).text;
        const end = literal.lastIndexOf('/');
        found.push(new RegExp(literal.slice(1, end), literal.slice(end + 1)));
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  }
  return found;
}

/** Source and flags; `split` runs a sticky copy of its regex, which is the same regex here. */
const keyOf = (regex: RegExp): string => `/${regex.source}/${regex.flags.replace('y', '')}`;

/** Every regex that runs while `work` does, the ones built with `new RegExp` included. */
function regexesRunBy(work: () => void): RegExp[] {
  const seen = new Map<string, RegExp>();
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function recordingExec(this: RegExp, text: string) {
    seen.set(keyOf(this), this);
    return exec.call(this, text);
  };
  try {
    work();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return [...seen.values()];
}

const riskyOnes = (regexes: RegExp[]) =>
  regexes.map((regex) => ({ regex: String(regex), risks: backtrackingRisks(regex) })).filter(({ risks }) => risks.length > 0);

/** Long runs of what the patterns look for: separators, digits, quotes, prefixes, placeholders. */
const ADVERSARIAL_STRINGS = [
  'a='.repeat(50_000),
  '1 '.repeat(50_000),
  '"password":"'.repeat(8_000),
  'https://'.repeat(12_000),
  'eyJ'.repeat(30_000),
  `${'a'.repeat(99_000)}=`,
  '"password":{'.repeat(8_000),
  '"password":["'.repeat(8_000),
  'sk-'.repeat(30_000),
  'Authorization: Token '.repeat(4_500),
  `password ${'%s '.repeat(30_000)}`,
  'AKIA'.repeat(25_000),
  'ghp_'.repeat(25_000),
  'Bearer '.repeat(14_000),
  'x://u:p@'.repeat(12_000),
  'a=%41&'.repeat(16_000),
  '123-45-'.repeat(14_000),
];
const MULTIPART_BODY = `--b\r\n${'Content-Disposition: form-data; name="password"\r\n\r\nx\r\n--b\r\n'.repeat(1_500)}`;

describe('the shape check', () => {
  it.each([
    [/(a+)+b/, 'a variable repetition inside a repetition'],
    [/(\w+\s?)*$/, 'a variable repetition inside a repetition'],
    [/(?:\d{1,3}){2,}x/, 'a variable repetition inside a repetition'],
    [/(?:a*){0,40}$/, 'a variable repetition inside a repetition'],
    [/((ab)+a)+/, 'a variable repetition inside a repetition'],
    [/(?:\(\d+\) ?| \d+)+/, 'an alternation inside a repetition'],
    [/(?:a|aa)+b/, 'an alternation inside a repetition'],
    [/(a)[^a]*\1/, 'a backreference'],
    [/(?<x>a)\k<x>/, 'a backreference'],
    [/(?:&a*|a)+$/, 'an alternation inside a repetition'],
    [/(?:a[^&]*)+$/, 'a variable repetition inside a repetition'],
    [/"(?:[^"]|\\.)*$/, 'an alternation inside a repetition'],
    [/(?:ab|a)+c/, 'an alternation inside a repetition'],
  ])('flags %s', (regex, risk) => {
    expect(backtrackingRisks(regex)).toContain(risk);
  });

  it.each([
    /\w+@\w+/, /(?:ab){2,5}/, /[a+(]+/, /\(+\)/, /(?:-\d)?x/, /a{2}b{3,}/, /(?:\d{2})+/, /a{/,
    /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/, /(?:&[^&=]*=[^&]*)*$/, /(?<![\w-])(\d{3})-(\d{2})/, /[\s\S]*?(?:x|$)/,
    /"(?:[^"\\]|\\.)*"/, /((ab)+c)+/, /(?:&a*|b)+$/, /(?:[a-z]{1,9}\.){1,8}/, /(?:\(\d{1,5}\) ?|\d{1,6}[ .-]){1,7}/,
  ])('accepts %s', (regex) => {
    expect(backtrackingRisks(regex)).toEqual([]);
  });
});

describe('the engine regexes are linear by construction', () => {
  it('every regex literal in the scrubbing sources', () => {
    const literals = regexLiteralsOfTheEngine();
    expect(literals.map(keyOf)).toEqual(expect.arrayContaining([keyOf(CREDENTIAL_TRIGGER), keyOf(VENDOR_KEY_TRIGGER)]));
    expect(riskyOnes(literals)).toEqual([]);
  });

  it('every regex the scrubber runs on adversarial input, the ones it builds at run time included', () => {
    const engine = createScrubEngine();
    const scrubber = createScrubber();
    const ran = regexesRunBy(() => {
      for (const text of ADVERSARIAL_STRINGS) engine.scrubString(text);
      scrubber.scrubEvent({ request: { data: MULTIPART_BODY } });
      scrubber.scrubBreadcrumb({ category: 'console', message: ADVERSARIAL_STRINGS[10], data: { arguments: [ADVERSARIAL_STRINGS[10], 'x'] } });
    });
    const literals = new Set(regexLiteralsOfTheEngine().map(keyOf));
    // The vendor key regex is joined from strings at load time: only a run can see it.
    expect(ran.filter((regex) => !literals.has(keyOf(regex))).map((regex) => regex.source)).toEqual([
      expect.stringContaining('whsec_'),
    ]);
    expect(scrubber.failures).toBe(0);
    expect(riskyOnes(ran)).toEqual([]);
  });
});
