declare module 'vnu-jar' {
  /** The path of vnu.jar (a String object). */
  const jar: string;
  export default jar;
}
