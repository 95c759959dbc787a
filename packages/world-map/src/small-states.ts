/**
 * Countries and territories that Natural Earth's 1:50m map leaves out (too small at that scale), with the centre of
 * their land in its 1:10m map (longitude, latitude in degrees, rounded to a hundredth): the map puts their marker
 * there. A test computes them again from the 1:10m file, so that this list cannot drift from the maps.
 */
export const positionsOfSmallStates: ReadonlyMap<string, [number, number]> = new Map([
  ['GI', [-5.35, 36.13]],
  ['TV', [178.53, -7.77]],
  ['UM', [-158.57, 15.78]],
]);
