// Draws GBIF's widget into a data page (the site sets `gbif_widgets: true`), as the theme's
// appWidget include does: GBIF's library, the site's `siteConfig` and `themeStyle`
// (gbif-config.js, loaded before this), and the site's languages.
const root = document.getElementById("gbif-widget");
if (root && !root.dataset.drawn) {
  root.dataset.drawn = "true";
  const { render } = await import(root.dataset.lib);
  const config = typeof siteConfig === "undefined" ? {} : siteConfig;
  const style = (typeof themeStyle === "undefined" ? null : themeStyle) || {};
  render(root, {
    languages: JSON.parse(root.dataset.languages),
    ...config,
    theme: {
      primary: style.colors && style.colors.primary,
      borderRadius: style.square ? 0 : 3,
      stickyOffset: "0px",
      ...(config.theme || {}),
    },
    linkToGbifOrg: true,
  });
}
