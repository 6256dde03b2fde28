// Writes lib/vue.d.ts (Vue's GlobalComponents), lib/react.d.ts (React's
// JSX.IntrinsicElements) and lib/svelte.d.ts (Svelte's SvelteHTMLElements) from
// custom-elements.json, so templates and JSX that use the elements directly type-check. Run by the build after the manifest and tsc.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(
  readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'),
);
const out = (file, text) => writeFileSync(new URL(`../lib/${file}`, import.meta.url), text);

const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, letter) => letter.toUpperCase());
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName);

/** The properties an author sets (as the element's property names), and their types. */
const propsOf = (element) =>
  (element.attributes ?? [])
    .filter((attribute) => attribute.name !== 'state')
    .map((attribute) => {
      const type = (attribute.type?.text ?? 'string').replace(/\s*\|\s*undefined$/, '');
      return `${attribute.fieldName ?? attribute.name}?: ${type};`;
    });

/** Listeners for the element's events, typed by the global event map the elements declare. */
const listenersOf = (element) =>
  (element.events ?? []).map(
    (event) =>
      `on${pascal(event.name)}?: (event: GlobalEventHandlersEventMap['${event.name}']) => void;`,
  );

const classes = elements.map((element) => element.name).join(', ');
const header = `// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.
import type { ${classes} } from './index.js';
`;
const block = (lines, indent) => lines.map((line) => `${indent}${line}`).join('\n');

out(
  'vue.d.ts',
  `${header}import type { DefineComponent } from 'vue';

/** The elements in Vue templates: \`<price-card :symbol="symbol" />\`, \`@tickwire-pause="…"\`. */
declare module 'vue' {
  interface GlobalComponents {
${elements
  .map(
    (element) => `    '${element.tagName}': DefineComponent<{
${block([...propsOf(element), ...listenersOf(element)], '      ')}
    }>;`,
  )
  .join('\n')}
  }
}
export type { ${classes} };
`,
);

out(
  'react.d.ts',
  `${header}import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/**
 * The elements in JSX, used directly: \`<price-card symbol="BTC" />\`. For typed event props
 * (\`onTickwirePause\`), use the components of \`@tickwire/react\`.
 */
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements
  .map(
    (
      element,
    ) => `      '${element.tagName}': DetailedHTMLProps<HTMLAttributes<${element.name}>, ${element.name}> & {
${block(propsOf(element), '        ')}
      };`,
  )
  .join('\n')}
    }
  }
}
export type { ${classes} };
`,
);

/**
 * Svelte sets a property where the element has one, else the attribute: an author may write
 * either name. A number may come as text (`limit="20"`), but only as a number's text.
 */
const svelteAttributesOf = (element) =>
  (element.attributes ?? [])
    .filter((attribute) => attribute.name !== 'state')
    .flatMap((attribute) => {
      const text = (attribute.type?.text ?? 'string').replace(/\s*\|\s*undefined$/, '');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript's template literal type, written out
      const type = text === 'number' ? 'number | `${number}`' : text;
      const names = new Set([attribute.name, attribute.fieldName ?? attribute.name]);
      return [...names].map((name) => `'${name}'?: ${type} | null;`);
    });

/** Svelte 5's event attributes: `ontickwire-pause={…}`. */
const svelteListenersOf = (element) =>
  (element.events ?? []).map(
    (event) => `'on${event.name}'?: (event: GlobalEventHandlersEventMap['${event.name}']) => void;`,
  );

out(
  'svelte.d.ts',
  `${header}import type { HTMLAttributes } from 'svelte/elements';

/**
 * The elements in Svelte 5 markup, checked by svelte-check: \`<price-card symbol="BTC" />\`,
 * \`<stream-controls ontickwire-pause={…} />\`. Reference it once, in \`src/app.d.ts\`:
 * \`/// <reference types="@tickwire/widgets/svelte" />\`.
 */
declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${elements
  .map(
    (element) => `    '${element.tagName}': HTMLAttributes<${element.name}> & {
${block([...svelteAttributesOf(element), ...svelteListenersOf(element)], '      ')}
    };`,
  )
  .join('\n')}
  }
}
export type { ${classes} };
`,
);

for (const file of ['vue.js', 'react.js', 'svelte.js'])
  out(file, '// Types only: see the .d.ts beside this file.\nexport {};\n');
