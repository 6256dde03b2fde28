/**
 * One React component per element, without a wrapper library: every prop an element takes as
 * an attribute is rendered as that attribute (`announceEvery={30}` → `announce-every="30"`),
 * so the server's HTML is the element as a page would write it and the element reads it before
 * any script runs; `on…` props listen to the element's events; the ref is the element.
 */
import { ELEMENT_ATTRIBUTES } from '@tickwire/widgets/allowlist.js';
import * as React from 'react';

/** The tags, with the attributes an author sets on each. */
type Tag = keyof typeof ELEMENT_ATTRIBUTES;

/** `announce-every` → `announceEvery`: an attribute's property name. */
type Camel<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : Name;
const camel = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/** An element's `on…` props, each naming the event it listens to. */
export type EventProps = Record<`on${string}`, keyof GlobalEventHandlersEventMap>;

/** The props of `<T>`'s component: its attributes as properties, its events, React's own. */
export type ElementProps<T extends Tag, E extends HTMLElement, Events extends EventProps> = Omit<
  React.HTMLAttributes<E>,
  Camel<(typeof ELEMENT_ATTRIBUTES)[T][number]> | keyof Events
> & {
  [Name in Camel<(typeof ELEMENT_ATTRIBUTES)[T][number]> & keyof E]?: E[Name] | null;
} & {
  [Prop in keyof Events]?: (
    event: GlobalEventHandlersEventMap[Events[Prop] & keyof GlobalEventHandlersEventMap],
  ) => void;
};

/** `<T>`'s component: its props, and a ref to the element. */
export type ElementComponent<
  T extends Tag,
  E extends HTMLElement,
  Events extends EventProps,
> = React.ForwardRefExoticComponent<
  React.PropsWithoutRef<ElementProps<T, E, Events>> & React.RefAttributes<E>
>;

/** Every element's events: its data's state, and new prices of its symbols. */
export const FEED_EVENTS = {
  onTickwireStateChange: 'tickwire-state-change',
  onTickwireQuotes: 'tickwire-quotes',
} as const satisfies EventProps;

/** A layout effect in the browser; none on a server, which runs no effects (React 18 warns). */
const useClientLayoutEffect =
  typeof window === 'undefined' ? React.useEffect : React.useLayoutEffect;

/**
 * The component that renders `<tagName>` (defined by the entry that imports this). Its entries
 * give the type arguments at the call, not as a type on the constant: comparing two
 * `ElementComponent`s set the type checker measuring its variance, 11 s of a 12 s build.
 */
export function elementComponent<T extends Tag, E extends HTMLElement, Events extends EventProps>(
  tagName: T,
  events: Events,
  displayName: string,
): ElementComponent<T, E, Events> {
  const attributes = new Map<string, string>(
    ELEMENT_ATTRIBUTES[tagName].map((name) => [camel(name), name]),
  );
  const eventNames: Record<string, string> = events;
  const component = React.forwardRef<E, ElementProps<T, E, Events>>((props, ref) => {
    const node = React.useRef<E | null>(null);
    const rendered: Record<string, unknown> = {};
    const listeners: Record<string, unknown> = {};
    // Read as a plain object: matched against `Object.entries`' signatures, the generic props
    // cost the type checker seconds in every program that includes this file.
    for (const [key, value] of Object.entries(props as object)) {
      const attribute = attributes.get(key);
      const event = eventNames[key];
      if (event !== undefined) listeners[event] = value;
      else if (attribute !== undefined) {
        // A boolean attribute (`cross`) is there or not: `cross="false"` would read as true.
        if (value === true) rendered[attribute] = '';
        else if (value !== undefined && value !== null && value !== false)
          rendered[attribute] = String(value);
      } else rendered[key === 'className' ? 'class' : key] = value;
    }
    // The newest handlers, read when an event comes: one listener per event for the element's life.
    const latest = React.useRef(listeners);
    useClientLayoutEffect(() => {
      latest.current = listeners;
    });
    useClientLayoutEffect(() => {
      const element = node.current;
      if (!element) return;
      const handle = (event: Event) =>
        (latest.current[event.type] as ((event: Event) => void) | undefined)?.(event);
      for (const name of Object.values(eventNames)) element.addEventListener(name, handle);
      return () => {
        for (const name of Object.values(eventNames)) element.removeEventListener(name, handle);
      };
    }, []);
    const setRef = React.useCallback(
      (element: E | null) => {
        node.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      },
      [ref],
    );
    // The element reflects attributes of its own (`state`, `theme`) before React hydrates it.
    return React.createElement(tagName, {
      ...rendered,
      ref: setRef,
      suppressHydrationWarning: true,
    });
  });
  component.displayName = displayName;
  return component;
}
