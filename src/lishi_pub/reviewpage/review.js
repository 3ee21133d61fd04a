(function () {
  "use strict";
  // Hover or focus on anything carrying data-a highlights every element of that article:
  // one generated CSS rule, so a month of pages costs nothing per line.
  var hl = document.getElementById("hl");
  var current = null;
  function articleOf(el) {
    while (el && el.nodeType === 1) {
      if (el.hasAttribute("data-a")) return el.getAttribute("data-a");
      el = el.parentElement;
    }
    return null;
  }
  function highlight(key) {
    if (key === current) return;
    current = key;
    // keys are made by the generator (p3-a2): letters, digits and hyphens only
    hl.textContent = key && /^[A-Za-z0-9-]+$/.test(key)
      ? '.entry[data-a="' + key + '"],tr[data-a="' + key + '"]{outline:2px solid #000;outline-offset:-2px}' +
        '.ln[data-a="' + key + '"]{border-left-color:#000;' +
        'background-image:linear-gradient(rgba(0,0,0,.07),rgba(0,0,0,.07))}' : "";
    arrows(key);
  }

  // The headline block's arrows: from each headline line of the article in hand to the line its
  // story starts on, drawn on demand for that one article (a month would be thousands at once).
  var SVG = "http://www.w3.org/2000/svg";
  var drawn = null;
  var HEAD = { headline: 1, kicker: 1, subtitle: 1 };
  function arrows(key) {
    if (drawn) { drawn.remove(); drawn = null; }
    if (!key) return;
    var section = document.getElementById(key.split("-a")[0]);
    var source = section && section.querySelector(".source");
    if (!source) return;
    var lines = source.querySelectorAll('.ln[data-a="' + key + '"]');
    var heads = [], start = null;
    for (var i = 0; i < lines.length; i++) {
      if (HEAD[lines[i].getAttribute("data-r")]) heads.push(lines[i]);
      else if (!start) start = lines[i];
    }
    if (!heads.length || !start) return;
    var box = source.getBoundingClientRect(), x = box.width - 6;
    function mid(el) { var r = el.getBoundingClientRect(); return r.top - box.top + r.height / 2; }
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "arrows");
    svg.setAttribute("width", box.width);
    svg.setAttribute("height", box.height);
    svg.setAttribute("aria-hidden", "true");
    svg.innerHTML = '<defs><marker id="tip" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" ' +
      'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>';
    var to = mid(start);
    heads.forEach(function (head) {
      var from = mid(head), bend = Math.min(90, 20 + Math.abs(to - from) / 8);
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("d", "M" + x + " " + from + "C" + (x - bend) + " " + from + " " + (x - bend) + " " + to +
        " " + x + " " + to);
      path.setAttribute("marker-end", "url(#tip)");
      svg.appendChild(path);
    });
    source.appendChild(svg);
    drawn = svg;
  }
  document.addEventListener("mouseover", function (e) { highlight(articleOf(e.target)); });
  document.addEventListener("focusin", function (e) { highlight(articleOf(e.target)); });

  var roleLabels = {};
  Array.prototype.forEach.call(document.querySelectorAll("#legend li[data-r]"), function (li) {
    roleLabels[li.getAttribute("data-r")] = li.querySelector(".lbl").textContent;
  });
  function describe(line) {
    var page = line.closest("section.page");
    var parts = ["line " + line.getAttribute("data-n")];
    if (page) parts.push(page.querySelector("h2").firstChild.textContent);
    var key = line.getAttribute("data-a");
    if (key) {
      var entry = document.getElementById(key);
      var title = entry ? entry.querySelector(".title").textContent : "";
      parts.push("article " + key.split("-a").pop() + ": " + title);
      if (line.hasAttribute("data-b")) parts.push("block " + line.getAttribute("data-b") + " of the article");
    }
    parts.push(roleLabels[line.getAttribute("data-r")] || line.getAttribute("data-r"));
    if (line.hasAttribute("data-c")) {
      var c = line.getAttribute("data-c");
      parts.push("classified first as: " + (roleLabels[c] || c));
    }
    if (line.hasAttribute("data-note")) parts.push(line.getAttribute("data-note"));
    return parts;
  }
  // Tooltips are written on first hover, not stored in the file for every line.
  document.addEventListener("mouseover", function (e) {
    var line = e.target.closest && e.target.closest(".ln");
    if (line && !line.title) line.title = describe(line).join(" · ");
  });
  var panel = document.getElementById("panel");
  var panelText = document.getElementById("panel-text");
  function show(line) {
    panelText.textContent = "";
    describe(line).forEach(function (text) {
      var p = document.createElement("p");
      p.textContent = text;
      panelText.appendChild(p);
    });
    panel.hidden = false;
  }
  document.addEventListener("click", function (e) {
    var line = e.target.closest && e.target.closest(".ln");
    if (line) show(line);
    var printed = e.target.closest && e.target.closest("figure.printed");
    if (printed) printed.classList.toggle("open");
  });
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; });
  function fromHash() {
    var el = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el && el.classList.contains("ln")) show(el);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  var pages = Array.prototype.slice.call(document.querySelectorAll("section.page"));
  var flags = Array.prototype.slice.call(document.querySelectorAll(".flag"));
  var top = document.getElementById("top");
  // Whatever the sticky header's height (it wraps on narrow screens), a target lands just below it.
  var GAP = 8;
  function covered() { return getComputedStyle(top).position === "sticky" ? top.offsetHeight : 0; }
  function pad() { document.documentElement.style.scrollPaddingTop = (covered() + GAP) + "px"; }
  pad();
  window.addEventListener("resize", pad);
  function edge() { return covered() + GAP + 4; }
  function go(el) {
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
    if (el.classList.contains("ln")) show(el);
  }
  function pageIndex() {
    var found = -1, y = edge();
    for (var i = 0; i < pages.length; i++) {
      if (pages[i].getBoundingClientRect().top <= y) found = i; else break;
    }
    return found;
  }
  function step(where) {
    if (where === "next" || where === "prev") {
      var i = pageIndex() + (where === "next" ? 1 : -1);
      if (i >= 0 && i < pages.length) go(pages[i]);
      else if (i < 0) go(document.getElementById("summary"));
      return;
    }
    if (!flags.length) return;
    // From the flagged item in focus, else from the page in view; in document order, wrapping round.
    var n = flags.length, dir = where === "flag" ? 1 : -1;
    var k = flags.indexOf(document.activeElement);
    if (k >= 0) {
      k = (k + dir + n) % n;
    } else {
      var page = pages[Math.max(pageIndex(), 0)];
      k = 0;
      while (k < n && page && page.compareDocumentPosition(flags[k]) & Node.DOCUMENT_POSITION_PRECEDING) k++;
      k = dir > 0 ? k % n : (k - 1 + n) % n;
    }
    go(flags[k]);
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-go]"), function (b) {
    b.addEventListener("click", function () { step(b.getAttribute("data-go")); });
  });
  var keys = { n: "next", j: "next", p: "prev", k: "prev", f: "flag", F: "unflag" };
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === "Escape") {
      panel.hidden = true;
      Array.prototype.forEach.call(document.querySelectorAll("figure.printed.open"), function (f) {
        f.classList.remove("open");
      });
      return;
    }
    if (e.key === "Enter" && t && t.matches && t.matches("figure.printed")) { t.classList.toggle("open"); return; }
    if (e.key === "s") { e.preventDefault(); go(document.getElementById("summary")); return; }
    var where = keys[e.key];
    if (where) { e.preventDefault(); step(where); }
  });
})();
