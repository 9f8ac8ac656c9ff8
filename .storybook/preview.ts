/// <reference types="vite/client" />
import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';

interface Declaration {
  tagName?: string;
  attributes?: Array<{ fieldName?: string }>;
  members?: Array<{ kind: string; name: string; privacy?: string; static?: boolean }>;
  cssParts?: Array<{ name: string }>;
}
interface Manifest {
  modules: Array<{ declarations?: Declaration[] }>;
}

/** The manifest as the docs table should show it. */
function forDocs(manifest: Manifest): Manifest {
  const tidy = (d: Declaration): Declaration => {
    const withAttribute = new Set(d.attributes?.map((a) => a.fieldName));
    return {
      ...d,
      // Private and protected members are implementation; a property with an attribute is listed once, as the attribute.
      members: d.members?.filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !withAttribute.has(m.name)),
      // Storybook keys every row by name, so the part `target` would hide the attribute `target`.
      cssParts: d.cssParts?.map((p) => ({ ...p, name: `::part(${p.name})` })),
    };
  };
  return { ...manifest, modules: manifest.modules.map((m) => ({ ...m, declarations: m.declarations?.map((d) => (d.tagName ? tidy(d) : d)) })) };
}

// `npm run build` writes custom-elements.json from the components' JSDoc; autodocs read it. A glob,
// unlike a plain import, finds nothing instead of failing the build when the file is missing.
const manifests = import.meta.glob<{ default: Manifest }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(forDocs(manifest));

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
  },
  argTypesEnhancers: [
    // Attributes are what a page sets; parts, custom properties, events and runtime-only properties
    // are documented in the table but have no meaningful control.
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => [
          name,
          argType.table?.category && argType.table.category !== 'attributes' ? { ...argType, control: false } : argType,
        ]),
      ),
  ],
};

export default preview;
