import { css } from 'lit';

/**
 * The campaign-ROI marks on top of the chart styles. Why some rules are there (said here rather than
 * in CSS comments, which would ship to every page inside the stylesheet):
 * - `.none .dot`: no cost, no ROI — a hollow bubble on the cost axis and no bar; its label says "n/a".
 * - `.rows`, `.texts`: bars and their labels are drawn over the hit areas of the marks, and let the
 *   pointer through.
 * - `.texts > span`: the chart's texts (HTML over the plot, moved by `left` and `top`), centred
 *   on their point like SVG text with `dominant-baseline: central`, and anchored by class.
 * - `.bar` transform origin: a new bar (`.enter`) grows out of the break-even line, to the right for a
 *   gain and to the left for a loss.
 * - `.from` texts in `@starting-style`: a label drawn anew on another side of its mark starts where that
 *   side of the mark was.
 * - `.on-line`: the scatter's break-even caption, turned along the diagonal, over a patch of the tile's
 *   colour that breaks the dashes where it sits.
 * - `.inside`: a bubble's number drawn on the bubble, where no spot beside it was free.
 * - `.from` in `@starting-style`: a bubble whose node moved to keep the paint order starts from where
 *   it was on screen.
 */
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

  .plot .gain {
    color: var(--_gain);
  }

  .plot .loss {
    color: var(--_loss);
  }

  .plot .none {
    color: var(--_muted);
  }

  .break-even {
    fill: var(--_text);
  }

  .diagonal {
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-dasharray: 5 4;
  }

  .leader {
    stroke: var(--_muted);
    stroke-width: 1;
  }

  .texts > .on-line {
    rotate: var(--_angle);
    padding: 0 3px;
    border-radius: 3px;
    background: var(--_surface);
  }

  .texts > .inside {
    color: var(--_surface);
  }

  .axis-line {
    stroke: var(--_border);
    stroke-width: 1;
    shape-rendering: crispEdges;
  }

  .rows,
  .texts {
    pointer-events: none;
  }

  .texts > span {
    position: absolute;
    left: var(--_x);
    top: var(--_y);
    line-height: 1;
    white-space: nowrap;
    translate: 0 -50%;
    transition-property: left, top;
    transition-duration: var(--_move, var(--_motion));
    transition-timing-function: cubic-bezier(0.65, 0, 0.35, 1);
  }

  .texts > .middle {
    translate: -50% -50%;
  }

  .texts > .end {
    translate: -100% -50%;
  }

  .texts.snap > span {
    transition-duration: 0s;
  }

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

    .texts > .from {
      left: var(--_from-x);
      top: var(--_from-y);
    }

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
