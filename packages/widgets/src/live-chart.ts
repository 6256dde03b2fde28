/** `<live-chart>`: importing this module defines the element (once per page, whoever loads it). */
import { LiveChart } from './elements/live-chart/live-chart.js';
import { defineElement } from './internal/define-element.js';

defineElement('live-chart', LiveChart);

export { LiveChart };
