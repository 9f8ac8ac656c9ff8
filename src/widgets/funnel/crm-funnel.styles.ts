import { css } from 'lit';

export const funnelStyles = css`
  :host {
    --_stage: var(--crm-funnel-color, var(--_accent));
    --_connector: var(--crm-funnel-connector-color, var(--_stage));
  }

  .bar {
    fill: var(--_stage);
    shape-rendering: geometricPrecision;
    /* A new stage grows from its centre line. */
    transform-box: fill-box;
    transform-origin: center;
  }

  .connector {
    fill: var(--_connector);
    opacity: 0.16;
  }

  @starting-style {
    .enter .bar {
      transform: scaleX(0);
    }

    :host([orientation='horizontal']) .enter .bar {
      transform: scaleY(0);
    }

    .connector.enter {
      opacity: 0;
    }
  }

  /* A stage larger than the one before: hatched outline in the warning colour, and its label says so. */
  .increased .bar {
    fill: var(--_warning);
    fill-opacity: 0.55;
    stroke: var(--_warning);
    stroke-width: 1.5;
    stroke-dasharray: 4 2;
  }

  .labels {
    pointer-events: none;
  }
`;
