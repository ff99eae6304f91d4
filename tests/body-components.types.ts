// Checked by `npm run typecheck`: each @ts-expect-error fails the typecheck if its line compiles.
import type { ComponentType } from 'react';
import {
  type BodyComponentName,
  type BodyComponentProps,
  defineBodyComponent,
} from '@/lib/content/body-components';

// @ts-expect-error a component without a feed form does not compile
defineBodyComponent({ attributes: { required: ['src'], optional: [] } });

defineBodyComponent({
  attributes: { required: ['at'], optional: ['headline'] },
  // @ts-expect-error the feed form only gets the declared props
  feed: ({ at, missing }) => [{ type: 'text', value: `${at}${missing}` }],
});

type ReactForms = { [N in BodyComponentName]: ComponentType<BodyComponentProps<N>> };
// @ts-expect-error every registered component needs its React form
export const incomplete: ReactForms = { Aside: () => null };
