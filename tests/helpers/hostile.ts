/** Every live-script vector no output of a body may carry. */
export const HOSTILE_OUTPUT =
  /<script|<iframe|<object|<embed|<svg|<form|<base|<meta|<style|<button|\son[a-z]+=|formaction|javascript:|data:|vbscript:|\sstyle=/i;
