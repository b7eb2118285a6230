// Click the subject in a photograph's preview to set its focal point: the
// point cropped thumbnails keep in view. Fills the "focal point" fields.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector(".focal-point");
  const across = document.getElementById("id_focal_x");
  const down = document.getElementById("id_focal_y");
  if (!box || !across || !down) {
    return;
  }
  const image = box.querySelector("img");
  const marker = box.querySelector(".focal-point-marker");
  const place = () => {
    marker.style.left = `${across.value}%`;
    marker.style.top = `${down.value}%`;
    marker.hidden = false;
  };
  image.addEventListener("click", (event) => {
    const rect = image.getBoundingClientRect();
    across.value = Math.round(((event.clientX - rect.left) / rect.width) * 100);
    down.value = Math.round(((event.clientY - rect.top) / rect.height) * 100);
    place();
  });
  across.addEventListener("input", place);
  down.addEventListener("input", place);
  place();
});
