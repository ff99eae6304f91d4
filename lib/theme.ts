export const THEME_STORAGE_KEY = 'theme';

/**
 * Runs in <head> before the first paint: applies the reader's theme (no flash of the other one),
 * and holds the first paint until the page is parsed down to the footer. A slow phone otherwise
 * paints half a header or half an article, and what follows moves (CLS). The render-blocking
 * <link rel="expect"> is added here rather than written in the HTML because the W3C checker does
 * not know yet that `blocking` applies to `expect` (it is in the HTML Standard).
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}var d=document.documentElement;d.dataset.theme=t;d.style.colorScheme=t}catch(e){}var l=document.createElement('link');l.rel='expect';l.href='#site-footer';l.setAttribute('blocking','render');document.head.appendChild(l)})()`;
