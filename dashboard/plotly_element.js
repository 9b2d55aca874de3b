// plotly.js, loaded once per page and shared by every chart element: window.qantarPlotly.
window.qantarPlotly = window.qantarPlotly || (() => {
  let loading = null;
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => reject(new Error(src + ' did not load'));
      document.head.appendChild(script);
    });
  }
  return (name) => {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      const url = new URL('app/static/' + name, document.baseURI).href;
      // The gzipped copy: served as it is (application/gzip is not compressed again per
      // request) and unpacked here; the plain copy where the browser cannot unpack it.
      const load = typeof DecompressionStream === 'undefined' ? loadScript(url)
        : fetch(url + '.gz').then((response) => {
            if (!response.ok) throw new Error(url + '.gz: HTTP ' + response.status);
            const unpacked = response.body.pipeThrough(new DecompressionStream('gzip'));
            return new Response(unpacked, { headers: { 'Content-Type': 'text/javascript' } }).blob();
          }).then((blob) => {
            const src = URL.createObjectURL(blob);
            return loadScript(src).finally(() => URL.revokeObjectURL(src));
          });
      loading = load.catch((error) => { loading = null; throw error; });
    }
    return loading;
  };
})();

// Restyled values come as {path: [value per trace]}, null where a trace has none: that
// trace then keeps none (`undefined` leaves a trace as it is; null would reset it).
function present(style) {
  for (const path of Object.keys(style)) style[path] = style[path].map((v) => (v === null ? undefined : v));
  return style;
}

// The style changes plotly.js would make for these attributes, made in place: a trace's
// name (the hover of a filled outline; not one shown in the legend), its scalar hover text,
// the opacity of its drawn group and of its legend symbols, the fill colour of its drawn
// outline. Plotly.restyle of any of them runs plotly.js's whole defaults step and styles
// every trace again, 7-17 ms a press on these charts whatever changed; this is well under
// one. The figure's data and plotly.js's own full copy of it take the values too, so what
// plotly.js draws or hovers later is the same. False, and nothing changed, for anything
// else (the caller then calls Plotly.restyle).
const IN_PLACE = new Set(['name', 'hovertext', 'opacity', 'fillcolor']);
function restyleInPlace(chart, style) {
  const full = chart._fullData;
  if (!full || !chart.data || full.length !== chart.data.length) return false;
  const drawn = new Map();
  for (const group of chart.querySelectorAll('g.trace.scatter')) {
    const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
    if (trace) drawn.set(trace.index, { group, legend: null });
  }
  for (const item of chart.querySelectorAll('g.legend g.traces')) {
    const trace = item.__data__ && item.__data__[0] && item.__data__[0].trace;
    if (trace && drawn.has(trace.index)) drawn.get(trace.index).legend = item.querySelector('g.layers');
  }
  const legendShown = chart._fullLayout && chart._fullLayout.showlegend;
  const edits = [];
  for (const [path, values] of Object.entries(style)) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const trace = full[i];
      if (value === undefined || trace[path] === value) continue;
      if (!IN_PLACE.has(path) || trace.index !== i) return false;
      const inLegend = legendShown && trace.showlegend !== false;
      const at = drawn.get(i);
      if (path === 'name' && (inLegend || typeof value !== 'string')) return false;
      if (path === 'hovertext' && typeof value !== 'string') return false;
      if (path === 'opacity' && (!at || typeof value !== 'number' || (inLegend && !at.legend))) return false;
      let fills = null;
      if (path === 'fillcolor') {
        fills = at ? at.group.querySelectorAll('path.js-fill') : [];
        if (fills.length !== 1 || !/^#[0-9a-fA-F]{6}$/.test(value)) return false;
      }
      edits.push({ i, path, value, at, fills, inLegend });
    }
  }
  for (const { i, path, value, at, fills, inLegend } of edits) {
    chart.data[i][path] = value;
    full[i][path] = value;
    if (path === 'opacity') {
      at.group.style.opacity = value;
      if (inLegend) at.legend.style.opacity = value;
    } else if (path === 'fillcolor') {
      fills[0].style.fill = value;
      fills[0].style.fillOpacity = 1;
    }
  }
  return true;
}

// A new title text of as many lines as the drawn one, in plain words and nothing else of
// the title changed (the chosen days in a map's title): its lines' words set in place, where
// Plotly.relayout would run the whole defaults step again for it (~9 ms on the map). The
// layout and plotly.js's full copy of it take the text too. False, and nothing changed,
// otherwise.
function retitleInPlace(chart, title) {
  const old = chart.layout && chart.layout.title;
  const full = chart._fullLayout && chart._fullLayout.title;
  if (!old || !full || typeof title.text !== 'string' || typeof old.text !== 'string') return false;
  if (JSON.stringify({ ...old, text: '' }) !== JSON.stringify({ ...title, text: '' })) return false;
  const plain = (text) => text.split('<br>').every((line) => !/[<>&]/.test(line));
  const lines = title.text.split('<br>');
  const drawn = chart.querySelectorAll('.g-gtitle text.gtitle > tspan.line');
  if (!plain(title.text) || !plain(old.text) || lines.length < 2 || full.text !== old.text
      || old.text.split('<br>').length !== lines.length || drawn.length !== lines.length) return false;
  drawn.forEach((tspan, i) => { tspan.textContent = lines[i]; });
  drawn[0].parentNode.setAttribute('data-unformatted', title.text);
  chart.layout.title = title;
  full.text = title.text;
  return true;
}

function merge(figure, style, parts) {
  for (const [path, values] of Object.entries(style)) {
    const keys = path.split('.');
    values.forEach((value, i) => {
      if (value === null) return;
      let node = figure.data[i];
      for (const key of keys.slice(0, -1)) node = node[key] = node[key] || {};
      node[keys[keys.length - 1]] = value;
    });
  }
  Object.assign(figure.layout, parts);
  return figure;
}

// The chart's text alternative and notes, under it: plain text, a paragraph each (a list of
// texts is a bulleted list), changed only when they change (st.caption parsed them as
// Markdown on every press).
function writeCaption(box, items) {
  const text = JSON.stringify(items);
  if (box.qfText === text) return;
  const element = (tag, words) => {
    const node = document.createElement(tag);
    node.textContent = words;
    return node;
  };
  const bullets = (texts) => {
    const list = document.createElement('ul');
    list.append(...texts.map((words) => element('li', words)));
    return list;
  };
  box.replaceChildren(...items.map((item) => {
    if (typeof item === 'string') return element('p', item);
    if (Array.isArray(item)) return bullets(item);
    // Folded: a native disclosure (keyboard and screen readers know it), kept open or
    // closed as the reader left it when its text changes.
    const folded = document.createElement('details');
    const was = box.querySelector(`details[data-fold="${CSS.escape(item.fold)}"]`);
    folded.dataset.fold = item.fold;
    folded.open = Boolean(was && was.open);
    folded.append(element('summary', item.summary), element('p', item.intro), bullets(item.items));
    return folded;
  }));
  box.qfText = text;
}

// The element's data comes as bytes: a line of JSON (style, layout parts, config, caption),
// then the figure's own JSON text, left unparsed unless it is not the one drawn.
const utf8 = new TextDecoder();
function unpack(bytes) {
  const text = utf8.decode(bytes);
  const cut = text.indexOf('\n');
  return { ...JSON.parse(text.slice(0, cut)), figure: text.slice(cut + 1) };
}

export default function (component) {
  const { parentElement } = component;
  const data = unpack(component.data);
  let chart = parentElement.querySelector('div.qf-chart');
  if (!chart) {
    chart = document.createElement('div');
    chart.className = 'qf-chart';
    const caption = document.createElement('div');
    caption.className = 'qf-caption';
    // A section heading above the chart, as st.subheader draws one (an element fewer).
    if (data.heading) {
      const heading = document.createElement('h3');
      heading.className = 'qf-heading';
      heading.id = data.heading.id;
      parentElement.append(heading);
    }
    parentElement.append(chart, caption);
  }
  const heading = parentElement.querySelector('h3.qf-heading');
  if (heading && data.heading && heading.textContent !== data.heading.text) {
    heading.textContent = data.heading.text;
  }
  writeCaption(parentElement.querySelector('div.qf-caption'), data.caption);
  // What is drawn is kept on the element (a property, not an attribute: nothing in the
  // page's DOM changes for it).
  if (chart.qfFigure === data.figure) {
    // The same traces and axes: nothing to do, or only their style and the layout's shapes,
    // annotations or title to change. Set in place where that is what plotly.js would draw
    // (restyleInPlace, retitleInPlace); else plotly.js restyles the traces it has drawn, and
    // draws the shapes or title again (~1 ms), not the traces and axes. (Annotations are
    // drawn again with the whole chart, ~20 ms: the figures that follow the filters keep
    // theirs fixed.)
    const style = chart.qfStyle !== data.style ? present(JSON.parse(data.style)) : null;
    const parts = {};
    for (const [name, text] of Object.entries(data.parts)) {
      if (chart.qfParts[name] !== text) parts[name] = JSON.parse(text);
    }
    if (style || Object.keys(parts).length > 0) {
      window.qantarPlotly(data.plotly).then((Plotly) => {
        const restyle = style && !restyleInPlace(chart, style);
        if (parts.title && retitleInPlace(chart, parts.title)) delete parts.title;
        const relayout = Object.keys(parts).length > 0;
        // The narrowest call: Plotly.update costs a few ms more than either alone.
        if (restyle && relayout) Plotly.update(chart, style, parts);
        else if (restyle) Plotly.restyle(chart, style);
        else if (relayout) Plotly.relayout(chart, parts);
        chart.qfStyle = data.style;
        chart.qfParts = data.parts;
      }).catch(() => { chart.textContent = data.failed; });
    }
    return;
  }
  const parts = Object.fromEntries(Object.entries(data.parts).map(([k, t]) => [k, JSON.parse(t)]));
  const figure = merge(JSON.parse(data.figure), JSON.parse(data.style), parts);
  window.qantarPlotly(data.plotly).then((Plotly) => {
    Plotly.react(chart, figure.data, figure.layout, data.config);
    chart.qfFigure = data.figure;
    chart.qfStyle = data.style;
    chart.qfParts = data.parts;
  }).catch(() => { chart.textContent = data.failed; });
}
