// The custom elements manifest describes the public API only: what a page, a framework or
// Storybook may use. Private and protected members are implementation, not API.
const publicOnly = {
  name: 'public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) => (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#'),
        );
      }
    }
  },
};

export default {
  globs: ['src/elements/**/*.ts', 'src/internal/feed-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicOnly],
};
