// Makes the one MongoDB node a replica set (rs0) once; later runs find it initiated and do nothing.
try {
  rs.status();
  print("replica set already initiated");
} catch (e) {
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] });
  print("replica set rs0 initiated");
}
