import { css } from 'lit';

export const campaignRoiStyles = css`
  :host {
    --_gain: var(--crm-roi-gain-color, var(--_good));
    --_loss: var(--crm-roi-loss-color, var(--_bad));
  }

  .bar,
  .dot {
    fill: var(--_gain);
  }

  .loss .bar,
  .loss .dot {
    fill: var(--_loss);
  }

  /* No cost, no ROI: a hollow bubble on the cost axis, no bar; its label says "n/a". */
  .none .dot {
    fill: var(--_surface);
    stroke: var(--_muted);
    stroke-width: 1.5;
  }

  .dot {
    fill-opacity: 0.75;
    stroke: var(--_surface);
    stroke-width: 1;
  }

  .others .bar {
    fill-opacity: 0.55;
  }

  svg text.gain {
    fill: var(--_gain);
  }

  svg text.loss {
    fill: var(--_loss);
  }

  svg text.none {
    fill: var(--_muted);
  }

  .break-even {
    fill: var(--_text);
  }

  .diagonal {
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-dasharray: 5 4;
  }

  .axis-line {
    stroke: var(--_border);
    stroke-width: 1;
    shape-rendering: crispEdges;
  }

  /* Bars and their labels are drawn over the hit areas of the marks, and let the pointer through. */
  .labels,
  .rows {
    pointer-events: none;
  }

  /* A new bar grows out of the break-even line. */
  .bar {
    transform-box: fill-box;
    transform-origin: left center;
  }

  .loss .bar {
    transform-origin: right center;
  }

  @starting-style {
    .enter .bar {
      transform: scaleX(0);
    }

    .enter .dot,
    .enter .hit {
      r: 0;
    }

    /* A label drawn anew on another side of its mark starts where that side of the mark was. */
    .rides {
      transform: translate(var(--_from-x), var(--_from-y));
    }

    /* A bubble whose node moved to keep the paint order starts from where it was on screen. */
    .from .dot {
      cx: var(--_from-cx);
      cy: var(--_from-cy);
      r: var(--_from-r);
    }

    .from .hit {
      cx: var(--_from-cx);
      cy: var(--_from-cy);
      r: calc(var(--_from-r) + 4px);
    }
  }
`;
