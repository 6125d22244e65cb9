// Data a page hands to a component (src/components/*.astro), as one JSON string attribute.

/**
 * A value for a JSX string attribute (written in single quotes, see MDX_OPTIONS in escape.ts), or for an HTML
 * attribute in single quotes: JSON, with `'`, `&`, `<`, `>` and the line separators written as JSON
 * escapes. The attribute then holds no quote of its own kind, no character reference and no raw
 * line break, so both MDX engines (micromark's and satteri) hand the component the JSON exactly.
 * A plain string attribute cannot be read as markup or code whatever the data holds; the type
 * travels with the text (`JsonOf<T>`), so the component that reads it (`fromJsonAttribute`) gets
 * the type the emitter wrote.
 */
export type JsonOf<T> = string & { readonly __jsonOf?: T };

export function jsonAttribute<T>(value: T): JsonOf<T> {
  return JSON.stringify(value).replace(/['&<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The value a component was given by `jsonAttribute`. */
export function fromJsonAttribute<T>(json: JsonOf<T>): T {
  return JSON.parse(json) as T;
}
