// Progressive enhancement for the submit page: checks the group's mass on the public training split while typing.
// The page works without it (the "Check mass" button does the same with a page load).
(function () {
  var input = document.getElementById('group_predicate');
  var out = document.getElementById('mass');
  if (!input || !out) { return; }
  var bounty = out.getAttribute('data-bounty');
  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var p = input.value.trim();
      if (!p) { out.textContent = ''; return; }
      fetch('/api/bounties/' + encodeURIComponent(bounty) + '/group-mass?predicate=' + encodeURIComponent(p))
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
        .then(function (x) {
          out.textContent = x.ok
            ? 'Mass on the public training split: ' + (100 * x.j.mass).toFixed(1) + '% (' + x.j.rows + ' of ' + x.j.trainRows + ' rows)'
            : x.j.detail;
        })
        .catch(function () { out.textContent = ''; });
    }, 300);
  });
}());
