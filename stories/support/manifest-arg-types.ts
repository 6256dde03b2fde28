import type { ArgTypes } from '@storybook/web-components-vite';

interface Item {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  fieldName?: string;
  kind?: string;
}

interface Declaration {
  tagName?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

/** One documentation row, under `category`, with or without a control. */
const row = (item: Item, category: string, control: boolean) => ({
  name: item.name,
  description: item.description,
  ...(control ? {} : { control: false as const }),
  table: {
    category,
    type: { summary: item.type?.text },
    defaultValue: { summary: item.default },
  },
});

/**
 * Storybook's docs table for a tag, from `custom-elements.json`. Storybook's own
 * extractor keys every row by its bare name, so the `symbol` part of `<price-card>` replaced
 * the `symbol` attribute. Here each category has keys of its own, attributes are keyed by
 * their property (as the stories' args are), and only attributes carry controls: parts,
 * custom properties and events are documented, not set from a form.
 */
export const manifestArgTypes =
  (manifest: { modules: { declarations?: Declaration[] }[] }) =>
  (tagName: string): ArgTypes | undefined => {
    const element = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === tagName);
    if (!element) return undefined;
    const attributes = element.attributes ?? [];
    const withAttribute = new Set(attributes.map((attribute) => attribute.fieldName));
    const argTypes: ArgTypes = {};
    for (const attribute of attributes)
      argTypes[attribute.fieldName ?? attribute.name] = row(attribute, 'attributes', true);
    for (const member of element.members ?? []) {
      if (member.kind === 'field' && !withAttribute.has(member.name))
        argTypes[member.name] = row(member, 'properties', false);
    }
    for (const event of element.events ?? [])
      argTypes[`event:${event.name}`] = row(event, 'events', false);
    for (const part of element.cssParts ?? [])
      argTypes[`part:${part.name}`] = row(part, 'css shadow parts', false);
    for (const property of element.cssProperties ?? [])
      argTypes[property.name] = row(property, 'css custom properties', false);
    return argTypes;
  };
