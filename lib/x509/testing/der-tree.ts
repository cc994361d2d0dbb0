// A DER tree (read leniently, written back with minimal lengths) and mutations of it, for the
// OpenSSL fuzz bench (bench/x509-openssl-fuzz.ts) and the crafted fixtures (fixtures/craft-strict.ts):
// each mutant breaks (or keeps) one DER rule at one place. Test and bench code only.

/** A parsed element; OCTET STRINGs that hold DER (extension values) keep that DER as `inner`. */
export interface Node {
  tag: number;
  children?: Node[];
  content?: Uint8Array;
  /** The content re-read as DER (extension values, SPKI keys): mutations may reach inside. */
  inner?: Node;
  /** Extra leading octets in a long-form length (a non-minimal length). */
  lengthPadding?: number;
}

/** Reads DER leniently into a tree; throws on anything it cannot read. */
export function parse(bytes: Uint8Array, offset = 0, end = bytes.length): { node: Node; next: number } {
  const tag = bytes[offset]!;
  let cursor = offset + 1;
  let length = bytes[cursor++]!;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3) throw new Error("length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[cursor++]!;
  }
  const valueEnd = cursor + length;
  if (valueEnd > end) throw new Error("overrun");
  if (tag & 0x20) {
    const children: Node[] = [];
    let at = cursor;
    while (at < valueEnd) {
      const child = parse(bytes, at, valueEnd);
      children.push(child.node);
      at = child.next;
    }
    return { node: { tag, children }, next: valueEnd };
  }
  const content = bytes.slice(cursor, valueEnd);
  const node: Node = { tag, content };
  const start = tag === 0x03 ? 1 : 0;
  if ((tag === 0x04 || tag === 0x03) && content[start] === 0x30) {
    try {
      const inner = parse(content, start);
      if (inner.next === content.length) node.inner = inner.node;
    } catch {
      // Not DER inside; left as plain octets.
    }
  }
  return { node, next: valueEnd };
}

function encodeLength(length: number, padding = 0): number[] {
  const octets: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) octets.unshift(n % 256);
  if (length < 0x80 && padding === 0) return [length];
  for (let i = 0; i < padding; i++) octets.unshift(0);
  if (octets.length === 0) octets.push(0);
  return [0x80 | octets.length, ...octets];
}

/** Serialises a tree back to DER (minimal lengths unless `lengthPadding` says otherwise). */
export function encode(node: Node): Uint8Array {
  let value: Uint8Array;
  if (node.children) {
    const parts = node.children.map(encode);
    value = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      value.set(part, at);
      at += part.length;
    }
  } else if (node.inner) {
    const inner = encode(node.inner);
    const prefix = node.tag === 0x03 ? [node.content![0]!] : [];
    value = new Uint8Array([...prefix, ...inner]);
  } else {
    value = node.content!;
  }
  const head = [node.tag, ...encodeLength(value.length, node.lengthPadding)];
  const out = new Uint8Array(head.length + value.length);
  out.set(head);
  out.set(value, head.length);
  return out;
}

/** Every node of a tree with its parent (the root's parent is undefined). */
export function walk(root: Node): Array<{ node: Node; parent?: Node }> {
  const all: Array<{ node: Node; parent?: Node }> = [];
  const visit = (node: Node, parent?: Node) => {
    all.push({ node, parent });
    node.children?.forEach((child) => visit(child, node));
    if (node.inner) visit(node.inner, node);
  };
  visit(root);
  return all;
}

/** A small deterministic PRNG (mulberry32), so runs are repeatable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRING_TAGS = [0x0c, 0x12, 0x13, 0x14, 0x15, 0x16, 0x19, 0x1a, 0x1b, 0x1c, 0x1e];
const OTHER_TAGS = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0a, 0x17, 0x18, 0x80, 0x81, 0x42, 0xc3, 0x1f];
const BAD_UTF8 = [[0xc3, 0x28], [0x80], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xff]];

type Pick = <T>(items: readonly T[]) => T;

/** Applies one structured mutation somewhere in a copy of the tree; returns its name. */
export function mutateTree(root: Node, rand: () => number): string {
  const pick: Pick = (items) => items[Math.floor(rand() * items.length)]!;
  const nodes = walk(root).filter(({ parent }) => parent !== undefined);
  const { node, parent } = pick(nodes);
  const primitive = !node.children && !node.inner;
  const kind = pick([
    "retag",
    "string",
    "boolean",
    "oid",
    "integer",
    "length",
    "bitstring",
    "trailing",
    "drop",
    "duplicate",
    "byte",
  ] as const);
  switch (kind) {
    case "retag":
      if (!primitive) break;
      node.tag = pick(rand() < 0.6 ? STRING_TAGS : OTHER_TAGS);
      return "retag";
    case "string": {
      const strings = nodes.filter(({ node: n }) => STRING_TAGS.includes(n.tag) && n.content);
      if (strings.length === 0) break;
      const target = pick(strings).node;
      const bad = pick(BAD_UTF8);
      const at = Math.floor(rand() * (target.content!.length + 1));
      target.content = new Uint8Array([
        ...target.content!.slice(0, at),
        ...bad,
        ...target.content!.slice(at),
      ]);
      if (rand() < 0.3) target.content = target.content.slice(0, target.content.length - 1);
      return "string";
    }
    case "boolean": {
      const booleans = nodes.filter(({ node: n }) => n.tag === 0x01);
      if (booleans.length === 0) break;
      pick(booleans).node.content = pick([new Uint8Array(0), new Uint8Array([0, 0xff]), new Uint8Array([1])]);
      return "boolean";
    }
    case "oid": {
      const oids = nodes.filter(({ node: n }) => n.tag === 0x06);
      const target = pick(oids).node;
      const at = Math.floor(rand() * target.content!.length);
      const variants = [
        () => new Uint8Array([...target.content!.slice(0, at), 0x80, ...target.content!.slice(at)]),
        () => target.content!.map((byte, i) => (i === target.content!.length - 1 ? byte | 0x80 : byte)),
        () => new Uint8Array(0),
      ];
      target.content = pick(variants)();
      return "oid";
    }
    case "integer": {
      const integers = nodes.filter(({ node: n }) => n.tag === 0x02);
      if (integers.length === 0) break;
      const target = pick(integers).node;
      const variants = [
        () => new Uint8Array([0, ...target.content!]),
        () => new Uint8Array([0xff, ...target.content!]),
        () => new Uint8Array(0),
        () => new Uint8Array([0x80 | (target.content![0]! & 0x7f), ...target.content!.slice(1)]),
      ];
      target.content = pick(variants)();
      return "integer";
    }
    case "length":
      node.lengthPadding = 1 + Math.floor(rand() * 2);
      return "length";
    case "bitstring": {
      const bits = nodes.filter(({ node: n }) => n.tag === 0x03);
      const target = pick(bits).node;
      const copy = target.content!.slice();
      copy[0] = pick([1, 7, 8, 0x80]);
      target.content = copy;
      delete target.inner;
      return "bitstring";
    }
    case "trailing": {
      const constructed = nodes.filter(({ node: n }) => n.children);
      pick(constructed).node.children!.push(
        pick([
          { tag: 0x05, content: new Uint8Array(0) },
          { tag: 0x04, content: new Uint8Array([1]) },
        ]),
      );
      return "trailing";
    }
    case "drop":
      if (!parent?.children || parent.children.length < 2) break;
      parent.children.splice(parent.children.indexOf(node), 1);
      return "drop";
    case "duplicate":
      if (!parent?.children) break;
      parent.children.splice(parent.children.indexOf(node), 0, structuredClone(node));
      return "duplicate";
    case "byte":
      if (!primitive || node.content!.length === 0) break;
      node.content = node.content!.slice();
      node.content[Math.floor(rand() * node.content.length)] = Math.floor(rand() * 256);
      return "byte";
  }
  return "none";
}
