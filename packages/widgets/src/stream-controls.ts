/** `<stream-controls>`: importing this module defines the element (once per page, whoever loads it). */
import { StreamControls } from './elements/stream-controls/stream-controls.js';
import { defineElement } from './internal/define-element.js';

defineElement('stream-controls', StreamControls);

export { StreamControls };
