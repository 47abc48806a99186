// Values derived from one model object (a table, a report's tables), kept on that object so that they live and die
// with it. Not in a WeakMap keyed by the object: V8's minor GC keeps a WeakMap's value alive while its key is young,
// and a value that leads back to its key (an equation names its table) kept every lint's model alive through the
// minor GCs until a full one; copying and promoting those models was about a third of the instructions of a lint.

/** `compute(key)`, computed once per key object and remembered on it. */
export function memoOn<K extends object, V>(what: string, compute: (key: K) => V): (key: K) => V {
  const slot = Symbol(what);
  return (key) => {
    const held = (key as Record<symbol, V | undefined>)[slot];
    if (held !== undefined) return held;
    const value = compute(key);
    // Not enumerable: JSON, deep equality and object spreads of the model do not see it.
    Object.defineProperty(key, slot, { value });
    return value;
  };
}
