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
    if (e.key === "Escape") { panel.hidden = true; return; }
    if (e.key === "s") { e.preventDefault(); go(document.getElementById("summary")); return; }
    var where = keys[e.key];
    if (where) { e.preventDefault(); step(where); }
  });
})();
