// The custom elements manifest describes the public API only, as it ships: what a page, a
// framework, an editor or Storybook may use. The analyzer reads the sources; the plugins
// below keep the elements alone, each under the entry a user imports (`lib/price-card.js`,
// which defines the tag), and drop private and protected members and internal modules.

/** Members a user may touch: not private, protected, `#private` or static (Lit's own statics). */
const isPublic = (member) =>
  (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#') && !member.static;

/** The type of each event's `detail`, as the package's root exports it. */
const EVENT_DETAILS = {
  'tickwire-state-change': 'StateChangeDetail',
  'tickwire-quotes': 'QuotesDetail',
  'tickwire-range-change': 'RangeChangeDetail',
  'tickwire-symbol-change': 'SymbolChangeDetail',
  'tickwire-pause': 'undefined',
  'tickwire-resume': 'undefined',
  'tickwire-refresh-change': 'RefreshChangeDetail',
  'tickwire-source-change': 'SourceChangeDetail',
};

/** Properties the element sets and a page only reads. */
const READ_ONLY = new Set(['state']);

const publicApi = {
  name: 'public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    const modules = [];
    for (const module of customElementsManifest.modules ?? []) {
      const element = (module.declarations ?? []).find(
        (declaration) => declaration.customElement && declaration.tagName,
      );
      if (!element) continue;
      // The shipped entry that defines this tag and exports its class (package.json `exports`).
      const path = `lib/${element.tagName}.js`;
      for (const list of [element.attributes, element.events, element.members]) {
        for (const item of list ?? []) delete item.inheritedFrom;
      }
      for (const event of element.events ?? []) {
        const detail = EVENT_DETAILS[event.name];
        if (detail) event.type = { text: `CustomEvent<${detail}>` };
      }
      for (const member of element.members ?? []) {
        // A public getter over a protected setter: the analyzer reads the setter's privacy.
        if (READ_ONLY.has(member.name))
          Object.assign(member, { privacy: 'public', readonly: true });
      }
      element.members = (element.members ?? []).filter(isPublic);
      // The shared base class is internal; what it gives each element is listed on the element.
      element.superclass = { name: 'LitElement', package: 'lit' };
      modules.push({
        kind: 'javascript-module',
        path,
        declarations: [element],
        exports: [
          { kind: 'js', name: element.name, declaration: { name: element.name, module: path } },
          {
            kind: 'custom-element-definition',
            name: element.tagName,
            declaration: { name: element.name, module: path },
          },
        ],
      });
    }
    customElementsManifest.modules = modules.sort((a, b) => a.path.localeCompare(b.path));
  },
};

export default {
  globs: [
    'src/elements/**/*.ts',
    'src/internal/feed-element.ts',
    'src/internal/asset-list-element.ts',
  ],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicApi],
};
