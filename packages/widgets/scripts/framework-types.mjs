// Writes lib/vue.d.ts (Vue's GlobalComponents) and lib/react.d.ts (React's
// JSX.IntrinsicElements) from custom-elements.json, so templates and JSX that use the
// elements directly type-check. Run by the build after the manifest and tsc.
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
import type { ${classes} } from './all.js';
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

for (const file of ['vue.js', 'react.js'])
  out(file, '// Types only: see the .d.ts beside this file.\nexport {};\n');
