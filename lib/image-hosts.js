// @ts-check
/**
 * Hosts whose https images articles may use (`image`, author `avatar`); empty: local images only.
 * The image optimiser fetches from these hosts and no others (next.config.js).
 * @type {readonly string[]}
 */
export const remoteImageHosts = [];
