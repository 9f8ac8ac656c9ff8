/** crm-pulse/forecast — defines `<crm-forecast>` only. */
export { CrmForecast } from './widgets/forecast/define.js';
export { FORECAST_CATEGORIES, type ForecastFigures, amountsFromLevels, categoryKey, forecastFigures, totalFigures } from './metrics/forecast.js';
export { CrmDrilldownEvent, type CrmDrilldownDetail } from './events/crm-drilldown.js';
export { CrmStateEvent, type CrmStateDetail, type CrmStateProblem, type WidgetState } from './events/crm-state.js';
