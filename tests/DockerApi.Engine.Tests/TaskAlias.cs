// The tests import the generated DockerApi.V1_55, whose Swarm task keeps Docker's name, Task: in this project Task is
// the framework's, and the swarm's is written DockerApi.V1_55.Task.
global using Task = System.Threading.Tasks.Task;
