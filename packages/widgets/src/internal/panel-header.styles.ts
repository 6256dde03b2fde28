import { css } from 'lit';

/**
 * The header of a panel of rows or tiles (`<market-table>`, `<market-feed>`,
 * `<price-heatmap>`): its title at the start, the simulated label and the state at the end,
 * wrapping under the title in a narrow box.
 */
export const panelHeaderStyles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.25em 0.5em;
    margin-bottom: 0.4em;
  }

  h2 {
    margin: 0;
    font-size: 1em;
  }

  /* Its own items wrap too: a range, the simulated label and a long state need not fit one line. */
  .header-end {
    display: inline-flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: 0.25em 0.5em;
    margin-inline-start: auto;
  }
`;
