export { renderWorldMap, type MapCountry, type Presence, type WorldMapLabels, type WorldMapOptions } from './render-world-map.ts';
